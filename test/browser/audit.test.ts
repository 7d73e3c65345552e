// `charto audit` against two local fixture sites: one that waits for consent and one with a deliberate leak.
import { afterAll, beforeAll, expect, it } from 'vitest'
import { join } from 'node:path'
import { createServer, type AddressInfo } from 'node:net'
import { startServer, type TestServer } from './harness.js'
// @ts-ignore: plain ESM helper shared with scripts/
import { findChromium } from '../../scripts/chromium.mjs'
import { run } from '../../src/cli/main.js'
import type { AuditReport } from '../../src/cli/audit.js'

const FIXTURES = join(import.meta.dirname, 'fixtures')
let server: TestServer

beforeAll(async () => {
  server = await startServer()
})
afterAll(async () => {
  await server?.close()
})

async function audit(site: string, ...flags: string[]) {
  let stdout = ''
  let stderr = ''
  let io = { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) }, cwd: () => FIXTURES, env: {} }
  let url = `${server.origin('www.shop.test')}/test/browser/fixtures/${site}/index.html`
  let code = await run(['audit', url, '--config', `${site}/charto.config.json`, '--browser', findChromium(), '--wait', '100', ...flags], io)
  return { code, stdout, stderr }
}

it('a clean site: nothing optional before a choice or after Reject all, everything declared, exit 0', async () => {
  let { code, stdout, stderr } = await audit('audit-clean', '--json')
  let report: AuditReport = JSON.parse(stdout)
  expect(report.findings).toEqual([])
  expect(code).toBe(0)
  // One progress line per visit, on stderr.
  expect(stderr.trim().split('\n')).toHaveLength(3)
  expect(stderr).toMatch(/\[1\/3\] before any choice: .*\n\[2\/3\] after Reject all: .*clicked|choice: Reject all/)

  let [before, reject, accept] = report.visits
  expect(before.choice).toBeNull()
  expect(reject.choice).toEqual({ how: 'click', label: 'Reject all' })
  expect(accept.choice).toEqual({ how: 'click', label: 'Accept all' })
  expect(before.cookies.map((c) => [c.name, c.category])).toEqual([['shop_session', 'necessary']])
  expect(before.cookies[0].expires).toBeNull()
  expect(before.storage).toEqual([{ area: 'sessionStorage', key: 'cart', category: 'necessary', service: null }])
  expect(before.requests).toEqual([])
  expect(reject.cookies.map((c) => [c.name, c.category])).toEqual([['charto_consent', 'necessary'], ['shop_session', 'necessary']])
  expect(reject.requests).toEqual([])

  // After Accept all the tracker runs: its cookie, storage and requests are reported with their declared category.
  expect(accept.cookies.map((c) => [c.name, c.category, c.service])).toEqual([
    ['_trk', 'marketing', 'tracker'],
    ['charto_consent', 'necessary', null],
    ['shop_session', 'necessary', null]
  ])
  let trk = accept.cookies[0]
  expect(trk.domain).toBe('www.shop.test')
  expect(Date.parse(trk.expires!) - Date.now()).toBeGreaterThan(89 * 864e5)
  expect(accept.storage).toContainEqual({ area: 'localStorage', key: '_trk_last', category: 'marketing', service: 'tracker' })
  expect(accept.requests.map((r) => [r.host, r.category, r.service])).toEqual([['tracker.test', 'marketing', 'tracker']])
  expect(accept.requests[0].count).toBeGreaterThanOrEqual(2) // px.js and its beacon (twice with the reload)
})

it('a leaky site: the tracker before consent and after rejection and the undeclared cookie are flagged, exit 1', async () => {
  let { code, stdout, stderr } = await audit('audit-leaky', '--json')
  expect(code).toBe(1)
  expect(stderr).toContain('choice: Charto.instance.rejectAll()')
  let report: AuditReport = JSON.parse(stdout)
  let [before, reject] = report.visits
  expect(before.choice).toBeNull()
  expect(reject.choice).toEqual({ how: 'api', label: 'Charto.instance.rejectAll()' })
  let found = report.findings.map((f) => `${f.visit} ${f.kind} ${f.name} ${f.category}`)
  expect(found.sort()).toEqual(
    [
      'before cookie _trk marketing',
      'before cookie leak_id undeclared',
      'before storage _trk_last marketing',
      'before request tracker.test marketing',
      'reject cookie _trk marketing',
      'reject cookie leak_id undeclared',
      'reject storage _trk_last marketing',
      'reject request tracker.test marketing',
      'all undeclared leak_id undeclared'
    ].sort()
  )
  expect(report.findings.find((f) => f.kind === 'undeclared')!.message).toBe(
    'cookie "leak_id" is not in the declaration (seen before any choice, after Reject all, after Accept all)'
  )
  // Necessary items are never flagged.
  expect(found.some((f) => /shop_session|cart|charto_consent/.test(f))).toBe(false)
  expect(server.hits('tracker.test').length).toBeGreaterThan(0)
})

it('prints a human-readable table by default', async () => {
  let { code, stdout } = await audit('audit-leaky')
  expect(code).toBe(1)
  expect(stdout).toContain('Visit 1 of 3: before any choice')
  expect(stdout).toContain('Visit 2 of 3: after Reject all — Charto.instance.rejectAll()')
  expect(stdout).toMatch(/NAME +DOMAIN +EXPIRES +CATEGORY/)
  expect(stdout).toMatch(/leak_id +www\.shop\.test +\d{4}-\d\d-\d\d \(36[45] d\) +undeclared +✗/)
  expect(stdout).toMatch(/tracker\.test +\d+ +marketing \(tracker\) +http:\/\/tracker\.test:\d+\/test\/browser\/fixtures\/audit-tracker\/px\.js +✗/)
  expect(stdout).toContain('✗ 9 findings:')
  expect(stdout).toContain('  ✗ cookie "_trk" (marketing, tracker) on www.shop.test before any choice')
})

it('without a declaration every cookie is undeclared and every third party unknown', async () => {
  let stdout = ''
  let io = { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: () => {} }, env: {} }
  let code = await run(['audit', `${server.origin('www.shop.test')}/test/browser/fixtures/audit-clean/index.html`, '--json', '--wait', '0', '--browser', findChromium()], io)
  let report: AuditReport = JSON.parse(stdout)
  expect(code).toBe(1)
  expect(report.config).toBeNull()
  expect(report.findings.filter((f) => f.kind === 'undeclared').map((f) => f.name).sort()).toEqual(['_trk', 'charto_consent', 'shop_session'])
  expect(report.visits[2].requests[0].category).toBe('unknown')
})

it('a page that cannot be loaded ends the audit with exit 2 and a message', async () => {
  let stderr = ''
  let io = { stdout: { write: () => {} }, stderr: { write: (s: string) => (stderr += s) }, env: {} }
  // A port that was free a moment ago: the connection is refused.
  let closed = createServer()
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve))
  let port = (closed.address() as AddressInfo).port
  await new Promise((resolve) => closed.close(resolve))
  let url = `http://nowhere.test:${port}/`
  let code = await run(['audit', url, '--browser', findChromium(), '--timeout', '10000'], io)
  expect(code).toBe(2)
  expect(stderr).toContain(`[1/3] before any choice: ${url} … failed\ncharto: could not load ${url}: `)
  expect(stderr).toContain('ERR_CONNECTION_REFUSED')
})
