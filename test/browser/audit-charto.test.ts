// `charto audit` against a page running the real charto script build: the audit clicks the banner's own
// "Reject all" / "Accept all" buttons (inside its shadow root) and reads the declaration from window.Charto.instance.
import { afterAll, beforeAll, expect, it } from 'vitest'
import { build } from 'esbuild'
import { join } from 'node:path'
import { startServer, type TestServer } from './harness.js'
// @ts-ignore: plain ESM helper shared with scripts/
import { findChromium } from '../../scripts/chromium.mjs'
import { run } from '../../src/cli/main.js'
import type { AuditReport } from '../../src/cli/audit.js'

const ROOT = join(import.meta.dirname, '..', '..')
let server: TestServer

beforeAll(async () => {
  server = await startServer()
  // The single-file script build, from source, so the test does not depend on a stale dist/.
  let bundle = await build({
    entryPoints: [join(ROOT, 'src/browser-single-file.ts')],
    bundle: true,
    // The entry assigns window.Charto itself (no globalName wrapper, which would overwrite it with undefined).
    format: 'iife',
    write: false,
    target: 'es2020'
  })
  let script = bundle.outputFiles[0].text
  server.route('/charto.global.js', (_req, res) => res.writeHead(200, { 'content-type': 'text/javascript' }).end(script))
  let tracker = `${server.origin('tracker.test')}/test/browser/fixtures/audit-tracker/px.js`
  let config = {
    services: {
      tracker: {
        category: 'marketing',
        provider: 'Tracker Inc.',
        scripts: ['tracker.test*'],
        cookies: [{ name: '_trk', purpose: 'Identifies the browser for ads', duration: '90 days' }],
        storage: ['/^_trk/']
      }
    }
  }
  server.page(
    '/charto-site.html',
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Shop with charto</title>
    <script type="application/json" id="charto-config">${JSON.stringify(config)}</script>
    <script src="/charto.global.js"></script>
    <script type="text/plain" data-category="marketing" src="${tracker}"></script>
    </head><body><h1>Shop</h1><footer><a href="#" data-charto-open>Cookie settings</a></footer></body></html>`
  )
})
afterAll(async () => {
  await server?.close()
})

it('clicks the banner buttons and takes the declaration from the page; a site that gates its tracker has no findings', async () => {
  let stdout = ''
  let stderr = ''
  let io = { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) }, env: {} }
  let code = await run(['audit', `${server.origin('www.shop.test')}/charto-site.html`, '--json', '--wait', '100', '--browser', findChromium()], io)
  let report: AuditReport = JSON.parse(stdout)
  expect(report.findings).toEqual([])
  expect(code).toBe(0)
  expect(report.config).toBe('window.Charto.instance.config')
  let [before, reject, accept] = report.visits
  expect(reject.choice).toEqual({ how: 'click', label: 'Reject all' })
  expect(accept.choice).toEqual({ how: 'click', label: 'Accept all' })
  expect(before.cookies).toEqual([])
  expect(before.requests).toEqual([])
  expect(reject.cookies.map((c) => [c.name, c.category])).toEqual([['charto_consent', 'necessary']])
  expect(reject.requests).toEqual([])
  expect(accept.cookies.map((c) => [c.name, c.category, c.service])).toEqual([
    ['_trk', 'marketing', 'tracker'],
    ['charto_consent', 'necessary', null]
  ])
  expect(accept.requests.map((r) => [r.host, r.category])).toEqual([['tracker.test', 'marketing']])
  expect(stderr).toContain('(choice: Reject all)')
})
