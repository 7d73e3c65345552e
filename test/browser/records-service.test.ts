// The records service with the SDK in Chromium: a visitor's decision is delivered, their receipt link shows it, the
// export holds it, an erasure removes it; the SDK's queue carries decisions across a service restart and a database
// outage; the privacy team's dashboard charts the rates under its strict CSP.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { migrate, openStore, startRecordsService, type RunningService, type Store } from '../../src/server/index.js'
import { useBrowser } from './harness.js'
// @ts-ignore: plain ESM helper shared with scripts/
import { findPostgres, startPostgres, POSTGRES_HINT } from '../../scripts/postgres.mjs'

const ROOT = join(import.meta.dirname, '..', '..')
const SHOTS = join(ROOT, 'test-results', 'screenshots')
const TOKEN = 'browser-test-token'
const suite = useBrowser()

interface Running {
  store: Store
  service: RunningService
}

async function start(location: { dataDir?: string; databaseUrl?: string }, port = 0): Promise<Running> {
  let store = await openStore(location)
  await migrate(store)
  let service = await startRecordsService({ store, port, token: TOKEN, origins: [suite.server.origin()], purgeEveryHours: 0, timeoutMs: 2000 })
  return { store, service }
}
async function stop(running: Running) {
  await running.service.close()
  await running.store.close()
}

/** A site page with the full script build sending records to `endpoint`. */
function sitePage(path: string, endpoint: string) {
  let config = JSON.stringify({ records: { endpoint } })
  suite.server.page(
    path,
    `<!doctype html><html lang="en"><head><title>shop</title><script type="application/json" id="charto-config">${config}</script>
    <script src="/dist/charto.global.js"></script></head><body><main><h1>Shop</h1></main></body></html>`
  )
}

const consentIdOf = (page: Page) => page.evaluate(() => (window as any).Charto.instance.getConsent().id as string)
const queueOf = (page: Page) => page.evaluate(() => localStorage.getItem('charto:records'))

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, what: string, timeout = 15_000): Promise<T> {
  let started = Date.now()
  for (;;) {
    let value = await read()
    if (done(value)) return value
    if (Date.now() - started > timeout) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(value)}`)
    await new Promise((resolve) => setTimeout(resolve, 150))
  }
}

const chainOf = async (running: Running, id: string) =>
  (await running.store.query('SELECT method FROM consent_records WHERE id = $1 ORDER BY updated_at', [id])).rows.map((row) => row.method)

describe('records service with the SDK', () => {
  let folder: string
  let running: Running

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'charto-records-browser-'))
    await mkdir(SHOTS, { recursive: true })
    running = await start({ dataDir: folder })
  }, 180_000)
  afterAll(async () => {
    if (running) await stop(running)
    if (folder) await rm(folder, { recursive: true, force: true })
  })

  it('delivers a decision; the receipt link shows it; the export holds it; an erasure removes it', async () => {
    let endpoint = running.service.url + '/consent-records'
    sitePage('/records-shop.html', endpoint)
    let context = await suite.browser.newContext()
    let page = await context.newPage()
    let problems: string[] = []
    page.on('console', (message) => message.type() == 'error' && problems.push(message.text()))
    await page.goto(suite.server.origin() + '/records-shop.html')
    await page.getByRole('button', { name: 'Accept all' }).click()
    let id = await consentIdOf(page)
    expect(id).toMatch(/^[\da-f-]{36}$/)
    await until(() => chainOf(running, id), (chain) => chain.length == 1, 'the record')

    // The receipt link the dialog shows: <endpoint>/<id>/receipt, a page for the browser.
    let receipt = await page.goto(`${endpoint}/${id}/receipt`)
    expect(receipt!.headers()['content-type']).toMatch(/^text\/html/)
    await expect.poll(() => page.locator('h1').textContent()).toBe('Your consent receipt')
    let text = await page.locator('main').innerText()
    expect(text).toContain(id)
    expect(text).toContain('Accept all')
    expect(text).toMatch(/marketing\s+allowed/)
    expect(await page.evaluate(() => getComputedStyle(document.body).fontFamily)).toMatch(/system-ui/)
    expect(problems).toEqual([])

    let exported = await (await fetch(running.service.url + '/admin/export', { headers: { authorization: `Bearer ${TOKEN}` } })).text()
    let line = exported.split('\n').find((entry) => entry.includes(id))
    expect(JSON.parse(line!)).toMatchObject({ id, method: 'accept-all', url: suite.server.origin() + '/records-shop.html' })

    let erased = await fetch(`${running.service.url}/admin/consent-records/${id}`, { method: 'DELETE', headers: { authorization: `Bearer ${TOKEN}` } })
    expect(await erased.json()).toEqual({ erased: 1 })
    expect((await page.goto(`${endpoint}/${id}/receipt`))!.status()).toBe(404)
    exported = await (await fetch(running.service.url + '/admin/export', { headers: { authorization: `Bearer ${TOKEN}` } })).text()
    expect(exported).not.toContain(id)
    await context.close()
  })

  it('the SDK queue carries a decision made while the service is down to the restarted service: nothing lost', async () => {
    let port = Number(new URL(running.service.url).port)
    let endpoint = running.service.url + '/consent-records'
    sitePage('/records-restart.html', endpoint)
    let context = await suite.browser.newContext()
    let page = await context.newPage()
    await page.goto(suite.server.origin() + '/records-restart.html')
    await page.getByRole('button', { name: 'Accept all' }).click()
    let id = await consentIdOf(page)
    await until(() => chainOf(running, id), (chain) => chain.length == 1, 'the first record')

    await stop(running)
    await page.evaluate(() => (window as any).Charto.instance.setConsent({ marketing: false }, 'custom'))
    await until(() => queueOf(page), (queue) => !!queue && queue.includes('"custom"'), 'the queued record')

    running = await start({ dataDir: folder }, port)
    await page.reload()
    await until(() => chainOf(running, id), (chain) => chain.length == 2, 'the retried record')
    expect(await chainOf(running, id)).toEqual(['accept-all', 'custom'])
    await until(() => queueOf(page), (queue) => queue === null, 'an empty queue')
    await context.close()
  })

  it('the dashboard charts consent rates per day with uPlot from the package, under a strict CSP', async () => {
    let day = (offset: number) => new Date(Date.UTC(2026, 10, 20 + offset, 12)).toISOString()
    for (let offset = 0; offset < 7; offset++) {
      for (let index = 0; index < 6; index++) {
        let marketing = index < 1 + (offset % 4)
        let body = {
          id: crypto.randomUUID(),
          createdAt: day(offset),
          updatedAt: day(offset),
          expiresAt: day(offset + 180),
          revision: offset < 3 ? 1 : 2,
          configHash: 'b'.repeat(64),
          categories: { necessary: true, performance: index % 2 == 0, marketing },
          services: {},
          method: marketing ? 'accept-all' : index == 5 ? 'reject-all' : 'custom',
          gpc: false,
          mode: 'opt-in',
          region: ['DE', 'FR', 'IT'][index % 3],
          language: 'en',
          url: 'https://www.example.com/'
        }
        let response = await fetch(running.service.url + '/consent-records', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
        expect(response.status).toBe(201)
      }
    }
    let context = await suite.browser.newContext({ viewport: { width: 1000, height: 1100 } })
    let page = await context.newPage()
    let problems: string[] = []
    page.on('console', (message) => message.type() == 'error' && problems.push(message.text()))
    page.on('pageerror', (error) => problems.push(error.message))
    let requests: string[] = []
    page.on('request', (request) => requests.push(request.url()))
    await page.goto(running.service.url + '/admin/')
    await page.fill('#token', 'wrong')
    await page.click('button[type="submit"]')
    await expect.poll(() => page.locator('#status').textContent()).toMatch(/Authorization: Bearer/)
    await page.fill('#token', TOKEN)
    await page.fill('#from', '2026-11-20')
    await page.fill('#to', '2026-11-27')
    await page.click('button[type="submit"]')
    await page.locator('#rates canvas').waitFor()
    await page.locator('#methods canvas').waitFor()
    expect(await page.locator('#status').textContent()).toBe('42 decisions on 7 days (UTC), 2026-11-20 to 2026-11-27.')
    expect(await page.locator('#rates .u-legend').innerText()).toMatch(/marketing[\s\S]*performance/)
    expect(await page.locator('#totals').innerText()).toMatch(/Regions[\s\S]*DE\s+14/)
    await page.screenshot({ path: join(SHOTS, 'records-dashboard.png'), fullPage: true })
    // The one error is the wrong token's 401: no CSP violation, no failed asset.
    expect(problems).toEqual(['Failed to load resource: the server responded with a status of 401 (Unauthorized)'])
    // Everything from the service itself: no CDN.
    expect(requests.every((url) => url.startsWith(running.service.url))).toBe(true)
    await context.close()
  })
})

const postgresBin = findPostgres()
if (!postgresBin && process.env.CI) throw new Error(POSTGRES_HINT)

describe.runIf(!!postgresBin)('records service on a PostgreSQL server with the SDK', () => {
  let postgres: { url: string; pause(): void; resume(): void; stop(): void }
  let running: Running
  beforeAll(async () => {
    // The WAL writer at its slowest: the outage below (a crash) would then always lose an asynchronous commit.
    postgres = await startPostgres({ settings: ['wal_writer_delay=10000'] })
    running = await start({ databaseUrl: postgres.url })
  })
  afterAll(async () => {
    if (running) await stop(running)
    postgres?.stop()
  })

  it('the database stops mid-ingest: the SDK queue retries and nothing is lost once it is back', async () => {
    let endpoint = running.service.url + '/consent-records'
    sitePage('/records-outage.html', endpoint)
    let context = await suite.browser.newContext()
    let page = await context.newPage()
    await page.goto(suite.server.origin() + '/records-outage.html')
    await page.getByRole('button', { name: 'Accept all' }).click()
    let id = await consentIdOf(page)
    await until(() => chainOf(running, id), (chain) => chain.length == 1, 'the first record')

    postgres.pause()
    await page.evaluate(() => (window as any).Charto.instance.setConsent({ marketing: false }, 'custom'))
    await until(() => queueOf(page), (queue) => !!queue && queue.includes('"custom"'), 'the queued record')
    postgres.resume()
    await page.reload()
    await until(() => chainOf(running, id).catch(() => []), (chain) => chain.length == 2, 'the retried record')
    expect(await chainOf(running, id)).toEqual(['accept-all', 'custom'])
    await until(() => queueOf(page), (queue) => queue === null, 'an empty queue')
    await context.close()
  })
})
