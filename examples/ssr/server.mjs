// A server-rendered page with Node alone (no framework): `node examples/ssr/server.mjs`, then open the printed URL.
// The server imports charto like any other module: importing it, and `createConsent` on the server, never touch
// `window`, cookies or storage. A server render is always the *undecided* state, the same for every visitor (so it
// can be cached), and consent-gated content goes out only in its inert form (`type="text/plain"` scripts,
// `data-src` iframes). In the browser the script build takes over, shows the banner or applies the stored decision.
import { createServer } from 'node:http'
import { readFile } from 'node:fs/promises'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { createConsent, resolveMode } from 'charto'

/** The one configuration, used by the server render and sent to the browser. */
export const config = {
  privacyPolicyUrl: '/examples/script-tag/privacy.html',
  regions: { EU: { mode: 'opt-in' }, 'US-CA': { mode: 'opt-out' }, default: { mode: 'opt-in' } },
  services: {
    analytics: { category: 'performance', label: 'Example Analytics', provider: 'This website' },
    youtube: { category: 'functional', label: 'YouTube (local stand-in)', provider: 'Google Ireland Limited' }
  }
}

const escape = (text) =>
  String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c])
/** JSON safe inside <script>: no `</script>` or `<!--` can end it early. */
const json = (value) => JSON.stringify(value).replace(/</g, '\\u003c')

/**
 * Markup that needs consent, rendered for a given state: the live form when granted, otherwise the inert form that
 * charto's blocker turns live after consent. On the server the state is undecided, so it is always the inert form.
 */
const gated = (state, category, live, inert) => (state.categories[category] ? live : inert)

/** Renders the page. `region` comes from your CDN's geo header in production (see the README, "Regions"). */
export function render({ region = 'DE', base = '/' } = {}) {
  let pageConfig = { ...config, region }
  let consent = createConsent(pageConfig) // on the server: core only, undecided, reads nothing
  let state = consent.getConsent()
  let mode = resolveMode(config.regions, region)
  let rows = Object.entries(state.categories)
    .map(([id, on]) => `<li><code>${escape(id)}</code>: ${on ? 'on' : 'off'}</li>`)
    .join('')
  consent.destroy()
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>charto example: server-rendered page</title>
  <link rel="stylesheet" href="/examples/shared/page.css">
  <script type="application/json" id="charto-config">${json(pageConfig)}</script>
  <script src="${base}charto.global.js"></script>
  ${gated(
    state,
    'performance',
    '<script src="' + base + 'analytics.js"></script>',
    '<script type="text/plain" data-category="performance" data-service="analytics" src="' + base + 'analytics.js"></script>'
  )}
</head>
<body>
  <main>
  <h1>Server-rendered page</h1>
  <p id="server-state">Rendered by Node at ${escape(new Date().toISOString())} for region <code>${escape(region)}</code>
    (${escape(mode)}): consent <strong>${state.decided ? 'decided' : 'undecided'}</strong> on the server.</p>
  <ul id="server-categories">${rows}</ul>
  <p class="status" id="analytics-status">Analytics: not loaded.</p>
  <h2>Video</h2>
  ${gated(
    state,
    'functional',
    '<iframe src="/examples/script-tag/embed.html" width="480" height="270" title="Product video"></iframe>',
    '<iframe data-src="/examples/script-tag/embed.html" data-service="youtube" width="480" height="270" title="Product video"></iframe>'
  )}
  </main>
  <footer>
    <a href="#" data-charto-open>Cookie settings</a> · <a href="/examples/">All examples</a>
  </footer>
</body>
</html>
`
}

const ANALYTICS = `window.ssrAnalytics = true
;(function (show) {
  document.readyState === 'loading' ? document.addEventListener('DOMContentLoaded', show) : show()
})(function () {
  document.getElementById('analytics-status').textContent = 'Analytics: loaded (it ran after consent).'
})
`

/**
 * The request handler: the page at `base`, the script build (resolved through the package's exports, as in any app
 * that depends on charto) and the stand-in analytics script. `?region=US-CA` (or an `x-region` header) picks the region.
 */
export async function handle(req, res, { base = '/' } = {}) {
  let url = new URL(req.url || '/', 'http://localhost')
  let path = url.pathname
  if (path === base || path === base + 'index.html') {
    let region = url.searchParams.get('region') || req.headers['x-region'] || 'DE'
    let html = render({ region: String(region).slice(0, 8), base })
    return res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(html)
  }
  if (/^charto\.[\w.-]+\.js$/.test(path.slice(base.length))) {
    // The loader and the chunks beside it, next to the package's main module: node_modules/charto/dist/ in an app.
    let file = fileURLToPath(new URL(path.slice(base.length), import.meta.resolve('charto')))
    try {
      return res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' }).end(await readFile(file))
    } catch {
      return res.writeHead(404).end()
    }
  }
  if (path === base + 'analytics.js') {
    return res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' }).end(ANALYTICS)
  }
  if (path.startsWith('/examples/')) {
    // The shared stylesheet and the embed page, when this server runs alone.
    let file = fileURLToPath(new URL('..' + path.slice('/examples'.length), import.meta.url))
    try {
      let type = file.endsWith('.css') ? 'text/css' : 'text/html'
      return res.writeHead(200, { 'content-type': type + '; charset=utf-8' }).end(await readFile(file))
    } catch {}
  }
  res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found\n')
}

// Run directly: node examples/ssr/server.mjs (PORT=5174 by default).
if (import.meta.url === pathToFileURL(process.argv[1] || '').href) {
  let server = createServer((req, res) =>
    handle(req, res).catch((error) => {
      console.error(error)
      res.headersSent ? res.end() : res.writeHead(500, { 'content-type': 'text/plain' }).end('Server error\n')
    })
  )
  server.listen(Number(process.env.PORT || 5174), '127.0.0.1', () => {
    console.log(`SSR example: http://127.0.0.1:${server.address().port}/  (Ctrl-C to stop)`)
  })
  process.on('SIGINT', () => server.close(() => process.exit(0)) && server.closeAllConnections())
}
