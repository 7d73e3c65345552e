// The privacy team's dashboard: one static page whose script (uPlot and the page's own code, bundled at build time
// into dist/records-dashboard.global.js) asks /admin/stats with the token the person types. No CDN, no inline code.
import { readFile } from 'node:fs/promises'

export const DASHBOARD_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

export const DASHBOARD_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex"><title>Consent records: rates per day</title><link rel="icon" href="data:,">
<link rel="stylesheet" href="/admin/dashboard.css"><script src="/admin/dashboard.js" defer></script></head>
<body><main>
<h1>Consent rates per day</h1>
<form id="query">
<label>Token <input id="token" type="password" autocomplete="off" required></label>
<label>From <input id="from" type="date"></label>
<label>To <input id="to" type="date"></label>
<button type="submit">Show</button>
</form>
<p id="status" role="status">Enter the records token (CHARTO_RECORDS_TOKEN) to see aggregate rates. Nothing here shows a single record.</p>
<section id="charts" hidden>
<h2>Share of decisions that allowed each category</h2><div id="rates" class="chart"></div>
<h2>Decisions per day by method</h2><div id="methods" class="chart"></div>
<h2>Totals in the range</h2><div id="totals"></div>
</section>
</main></body></html>
`

const ASSETS: Record<string, { file: string; type: string }> = {
  '/admin/dashboard.js': { file: 'records-dashboard.global.js', type: 'text/javascript; charset=utf-8' },
  '/admin/dashboard.css': { file: 'records-dashboard.css', type: 'text/css; charset=utf-8' }
}

/**
 * The built dashboard files live beside the bundled service in dist/. Run from the sources (tests), the service
 * finds them in dist/ after a build.
 */
const PLACES = ['./', '../../dist/']
const cache = new Map<string, Buffer | null>()

export async function dashboardAsset(path: string): Promise<{ body: Buffer; type: string } | null> {
  let asset = ASSETS[path]
  if (!asset) return null
  if (!cache.has(path)) {
    let body: Buffer | null = null
    for (let place of PLACES) {
      body = await readFile(new URL(place + asset.file, import.meta.url)).catch(() => null)
      if (body) break
    }
    cache.set(path, body)
  }
  let body = cache.get(path)
  return body ? { body, type: asset.type } : null
}
