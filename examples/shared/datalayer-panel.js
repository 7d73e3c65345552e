// Shows window.dataLayer in #datalayer as it grows (for the Consent Mode demos only).
function showDataLayer() {
  document.getElementById('datalayer').textContent = (window.dataLayer || [])
    .map(function (entry) { return JSON.stringify(entry.event ? entry : Array.prototype.slice.call(entry)) })
    .join('\n')
}
showDataLayer()
addEventListener('load', showDataLayer)
addEventListener('charto:change', function () { setTimeout(showDataLayer, 50) })
