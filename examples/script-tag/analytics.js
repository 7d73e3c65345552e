// Stands in for an analytics library: runs only after consent, sets its cookie and says so on the page.
;(function () {
  window.analyticsLoaded = true
  document.cookie = 'ex_analytics=' + Date.now() + '; path=/; max-age=31536000; SameSite=Lax'
  var show = function () {
    var el = document.getElementById('analytics-status')
    if (el) el.textContent = 'Analytics: loaded (it ran after consent).'
  }
  // A returning visitor's consented script can run while <head> is still parsing.
  document.readyState === 'loading' ? document.addEventListener('DOMContentLoaded', show) : show()
})()
