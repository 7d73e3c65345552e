// A dependency-free single-page app: plain ES modules, hash routing, views rendered from HTML strings.
// Each route change replaces the view's markup; blocked markup in it (type="text/plain" scripts, data-src iframes)
// is gated by charto as it is added, with no rescan call: it runs at once when already allowed, or on consent.
import { init } from 'charto'

const consent = init({
  privacyPolicyUrl: '../script-tag/privacy.html',
  services: {
    youtube: { category: 'functional', label: 'YouTube (local stand-in)', provider: 'Google Ireland Limited' }
  }
})

const routes = {
  '/': () => `
    <h2>Home</h2>
    <p>Nothing here needs consent. Open <a href="#/stats">Stats</a>: it adds an analytics snippet that waits for
      the "performance" category.</p>`,
  '/stats': () => `
    <h2>Stats</h2>
    <p id="stats-status">The page-view snippet for this route has not run.</p>
    <script type="text/plain" data-category="performance">
      window.spaPageViews = (window.spaPageViews || []).concat(location.hash)
      document.getElementById('stats-status').textContent = 'Page view counted (analytics allowed).'
    </script>`,
  '/video': () => `
    <h2>Video</h2>
    <iframe data-src="../script-tag/embed.html" data-service="youtube" width="480" height="270" title="Product video"></iframe>`
}

const view = document.getElementById('view')

// Rendered through a Range fragment, not innerHTML: browsers never run a <script> parsed by innerHTML (blocked or
// not), while scripts from createContextualFragment run when inserted, like those of a server-rendered page.
// charto's blocker holds the text/plain ones among them until their category is granted.
function render() {
  const path = location.hash.replace(/^#/, '') || '/'
  const html = (routes[path] || (() => '<h2>Not found</h2>'))()
  view.replaceChildren(document.createRange().createContextualFragment(html))
  document.title = `charto SPA: ${path}`
}

function showConsent() {
  const { decided, categories } = consent.getConsent()
  document.getElementById('consent-status').textContent = decided
    ? 'Consent: ' + Object.keys(categories).filter((id) => categories[id]).join(', ')
    : 'Consent: not decided yet'
}

addEventListener('hashchange', render)
consent.on('change', showConsent)
render()
showConsent()
window.spa = { consent, render }
