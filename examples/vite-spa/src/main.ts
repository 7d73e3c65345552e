// A Vite + TypeScript single-page app with client-side routing. Routes swap markup in and out with innerHTML; the blocked tags they bring
// are gated by charto's MutationObserver, with no rescan call from the app.
import { init, type ChartoConfig } from 'charto'

const config: ChartoConfig = {
  privacyPolicyUrl: '/privacy',
  services: {
    stats: { category: 'performance', label: 'Site statistics', provider: 'This site', cookies: [{ name: 'stats_id', purpose: 'Counts visits', duration: '1 year' }] },
    video: { category: 'marketing', label: 'Video player', provider: 'Example Video' }
  }
}

export const consent = init(config)

const routes: Record<string, string> = {
  '/': '<h1>Home</h1><p>Pick a page above. Nothing here needs consent.</p>',
  // The inline script runs only once "performance" (or the stats service) is granted; it sets a global the test reads.
  '/stats':
    '<h1>Statistics</h1><p>This page loads a statistics tag.</p>' +
    '<script type="text/plain" data-service="stats">window.statsRuns = (window.statsRuns || 0) + 1; document.cookie = "stats_id=1; path=/"</script>',
  '/video':
    '<h1>Video</h1><iframe data-src="/examples/script-tag/embed.html" data-service="video" title="Product video" width="480" height="270"></iframe>'
}

function render(path: string) {
  let view = document.getElementById('view')!
  view.innerHTML = routes[path] ?? '<h1>Not found</h1>'
}

// Hash routes, so the built app works from any static server (npm run demo serves it under /examples/vite-spa/dist/).
let route = () => render(location.hash.slice(1) || '/')
addEventListener('hashchange', route)
consent.on('change', ({ granted, revoked }) => console.info('consent changed', { granted, revoked }))
route()

declare global {
  interface Window {
    consent: typeof consent
    statsRuns?: number
  }
}
window.consent = consent
