// Consent Mode v2, vendor adapters, GPC, regions and consent records in Chromium.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { build } from 'esbuild'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { launchBrowser, startServer, type TestServer } from './harness.js'
import { migrate, openStore, startRecordsService, type RunningService, type Store } from '../../src/server/index.js'

const ROOT = join(import.meta.dirname, '..', '..')
let browser: Browser
let server: TestServer
let receiver: RunningService
let receiverStore: Store
let receiverUrl: string

beforeAll(async () => {
  let result = await build({
    stdin: {
      contents: `import { createConsent } from './src/core/consent.ts'
        import * as signals from './src/signals/index.ts'
        window.Charto = { createConsent, ...signals }`,
      resolveDir: ROOT,
      loader: 'ts'
    },
    bundle: true,
    format: 'iife',
    target: 'es2020',
    write: false
  })
  let bundle = result.outputFiles[0].text
  server = await startServer()
  server.route('/signals-test.js', (_req, res) => res.writeHead(200, { 'content-type': 'text/javascript' }).end(bundle))
  browser = await launchBrowser()
  // The records service (charto/server) on an in-memory PGlite store.
  receiverStore = await openStore({ dataDir: 'memory://' })
  await migrate(receiverStore)
  receiver = await startRecordsService({ store: receiverStore, port: 0, purgeEveryHours: 0 })
  receiverUrl = receiver.url + '/consent-records'
}, 180_000)
afterAll(async () => {
  await browser?.close()
  await server?.close()
  await receiver?.close()
  await receiverStore?.close()
})

/** A page that sets charto up in <head> (extensions in the documented order), then runs the page's own gtag config. */
function sitePage(path: string, config: object, extras = '') {
  server.page(
    path,
    `<!doctype html><html lang="en"><head><title>signals</title>
    <script src="/signals-test.js"></script>
    <script>
      var config = ${JSON.stringify(config)};
      if (window.REGION_DELAY) config.region = () => new Promise((resolve) => setTimeout(() => resolve(window.REGION_DELAY), 100));
      window.manager = Charto.createConsent(config, [Charto.regions, Charto.consentMode, Charto.vendors, Charto.records]);
    </script>
    <script>
      window.dataLayer = window.dataLayer || [];
      function gtag(){dataLayer.push(arguments);}
      gtag('js', new Date());
      gtag('config', 'G-TEST');
    </script>${extras}</head><body><p>content</p></body></html>`
  )
}

/** dataLayer as { type, value } in order: Arguments entries become arrays. */
let readDataLayer = (page: Page): Promise<{ type: string; value: any }[]> =>
  page.evaluate(() =>
    (window as any).dataLayer.map((e: any) => {
      let type = Object.prototype.toString.call(e)
      return { type, value: type === '[object Arguments]' ? Array.from(e).map((v: any) => (v instanceof Date ? 'date' : v)) : e }
    })
  )
let summary = (entries: { type: string; value: any }[]) =>
  entries.map((e) => (e.type === '[object Arguments]' ? e.value.slice(0, 2).join(':') : 'event:' + e.value.event))

const DENIED = {
  ad_storage: 'denied',
  ad_user_data: 'denied',
  ad_personalization: 'denied',
  analytics_storage: 'denied',
  functionality_storage: 'denied',
  personalization_storage: 'denied',
  security_storage: 'granted'
}
const GRANTED = Object.fromEntries(Object.keys(DENIED).map((k) => [k, 'granted']))

describe('Google Consent Mode v2', () => {
  it('default before the page config, Arguments objects, one update per change, and a charto_consent event for tag managers', async () => {
    sitePage('/gcm.html', { googleConsentMode: true })
    let context = await browser.newContext()
    let page = await context.newPage()
    await page.goto(server.origin() + '/gcm.html')
    let entries = await readDataLayer(page)
    expect(summary(entries)).toEqual(['consent:default', 'js:date', 'config:G-TEST'])
    expect(entries.every((e) => e.type === '[object Arguments]')).toBe(true)
    expect(entries[0].value[2]).toEqual(DENIED)

    await page.evaluate(() => (window as any).manager.acceptAll())
    entries = await readDataLayer(page)
    expect(summary(entries)).toEqual(['consent:default', 'js:date', 'config:G-TEST', 'consent:update', 'event:charto_consent'])
    expect(entries[3].type).toBe('[object Arguments]')
    expect(entries[3].value[2]).toEqual(GRANTED)
    expect(entries[4]).toEqual({
      type: '[object Object]',
      value: { event: 'charto_consent', charto: { necessary: 'granted', performance: 'granted', marketing: 'granted', functional: 'granted' } }
    })

    await page.evaluate(() => (window as any).manager.setConsent({ marketing: false }, 'custom'))
    entries = await readDataLayer(page)
    let updates = entries.filter((e) => e.value[1] === 'update')
    expect(updates).toHaveLength(2)
    expect(updates[1].value[2]).toEqual({ ...GRANTED, ad_storage: 'denied', ad_user_data: 'denied', ad_personalization: 'denied' })

    // A returning visitor gets default then update synchronously, before the page's config, on every load
    for (let load = 0; load < 2; load++) {
      await page.reload()
      entries = await readDataLayer(page)
      expect(summary(entries)).toEqual(['consent:default', 'consent:update', 'event:charto_consent', 'js:date', 'config:G-TEST'])
      expect(entries[1].value[2]).toMatchObject({ analytics_storage: 'granted', ad_storage: 'denied' })
    }
    await context.close()
  })

  it('keeps a dataLayer the page created first', async () => {
    server.page(
      '/gcm-existing.html',
      `<!doctype html><script>window.dataLayer = [{ event: 'gtm.js' }]; window.original = window.dataLayer</script>
       <script src="/signals-test.js"></script>
       <script>Charto.createConsent({ googleConsentMode: { waitForUpdate: 500, urlPassthrough: true } }, [Charto.consentMode])</script>`
    )
    let context = await browser.newContext()
    let page = await context.newPage()
    await page.goto(server.origin() + '/gcm-existing.html')
    expect(await page.evaluate(() => (window as any).dataLayer === (window as any).original)).toBe(true)
    let entries = await readDataLayer(page)
    expect(summary(entries)).toEqual(['event:gtm.js', 'consent:default', 'set:url_passthrough'])
    expect(entries[1].value[2].wait_for_update).toBe(500)
    await context.close()
  })
})

describe('vendor adapters', () => {
  it('uetq, clarity and fbq get their consent calls before the page initialises the tags', async () => {
    sitePage(
      '/vendors.html',
      { vendors: ['uet', 'clarity', 'meta'] },
      `<script>fbq('init', '123'); fbq('track', 'PageView'); window.uetq.push('pageLoad')</script>`
    )
    let context = await browser.newContext()
    let page = await context.newPage()
    await page.goto(server.origin() + '/vendors.html')
    let read = () =>
      page.evaluate(() => {
        let w = window as any
        return {
          uetq: w.uetq.slice(),
          clarity: w.clarity.q.map((a: any) => Array.from(a)),
          fbq: w.fbq.queue.map((a: any) => Array.from(a))
        }
      })
    let state = await read()
    expect(state.uetq).toEqual(['consent', 'default', { ad_storage: 'denied' }, 'pageLoad'])
    expect(state.clarity).toEqual([['consentv2', { ad_Storage: 'denied', analytics_Storage: 'denied' }]])
    expect(state.fbq).toEqual([['consent', 'revoke'], ['init', '123'], ['track', 'PageView']])
    await page.evaluate(() => (window as any).manager.acceptAll())
    state = await read()
    expect(state.uetq.slice(4)).toEqual(['consent', 'update', { ad_storage: 'granted' }])
    expect(state.clarity[1]).toEqual(['consentv2', { ad_Storage: 'granted', analytics_Storage: 'granted' }])
    expect(state.fbq[3]).toEqual(['consent', 'grant'])
    await page.reload()
    state = await read()
    expect(state.fbq).toEqual([['consent', 'revoke'], ['consent', 'grant'], ['init', '123'], ['track', 'PageView']])
    await context.close()
  })
})

describe('GPC and regions', () => {
  let gpcContext = async () => {
    let context = await browser.newContext()
    await context.addInitScript(() => Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => true }))
    return context
  }
  const REGIONS = { EU: { mode: 'opt-in' }, 'US-CA': { mode: 'opt-out' }, default: { mode: 'opt-in' } }

  it('opt-out region with GPC: marketing denied without interaction, Consent Mode and record say so', async () => {
    sitePage('/gpc.html', { googleConsentMode: true, regions: REGIONS, region: 'US-CA' })
    let context = await gpcContext()
    let page = await context.newPage()
    await page.goto(server.origin() + '/gpc.html')
    let state = await page.evaluate(() => (window as any).manager.getConsent())
    expect(state).toMatchObject({ gpc: true, decided: true, method: 'gpc', region: 'US-CA', categories: { marketing: false, performance: true } })
    let entries = await readDataLayer(page)
    expect(summary(entries)).toEqual(['consent:default', 'consent:update', 'event:charto_consent', 'js:date', 'config:G-TEST'])
    let marketingDenied = { ...GRANTED, ad_storage: 'denied', ad_user_data: 'denied', ad_personalization: 'denied' }
    expect(entries[0].value[2]).toEqual(marketingDenied)
    expect(entries[1].value[2]).toEqual(marketingDenied)
    await context.close()
  })

  it('opt-in region with GPC records the signal and pre-selects nothing', async () => {
    sitePage('/gpc-eu.html', { googleConsentMode: true, regions: REGIONS, region: 'DE' })
    let context = await gpcContext()
    let page = await context.newPage()
    await page.goto(server.origin() + '/gpc-eu.html')
    let state = await page.evaluate(() => (window as any).manager.getConsent())
    expect(state).toMatchObject({ gpc: true, decided: false, categories: { marketing: false } })
    expect(summary(await readDataLayer(page))).toEqual(['consent:default', 'js:date', 'config:G-TEST'])
    await context.close()
  })

  it('region switching: EU/EEA codes → opt-in, US-CA → opt-out, unknown → default, async lookups switch late', async () => {
    let context = await browser.newContext()
    let page = await context.newPage()
    for (let [region, mode] of [
      ['NO', 'opt-in'],
      ['DE', 'opt-in'],
      ['US-CA', 'opt-out'],
      ['BR', 'opt-in']
    ]) {
      sitePage('/region.html', { googleConsentMode: true, regions: { ...REGIONS, default: { mode: 'opt-out' }, BR: { mode: 'opt-in' } }, region })
      await page.goto(server.origin() + '/region.html')
      expect(await page.evaluate(() => (window as any).manager.mode)).toBe(mode)
      let entries = await readDataLayer(page)
      expect(entries[0].value[2].ad_storage).toBe(mode === 'opt-out' ? 'granted' : 'denied')
    }
    sitePage('/region-async.html', { googleConsentMode: true, regions: REGIONS })
    await page.addInitScript(() => ((window as any).REGION_DELAY = 'US-CA'))
    await page.goto(server.origin() + '/region-async.html')
    expect(summary(await readDataLayer(page))[0]).toBe('consent:default')
    expect((await readDataLayer(page))[0].value[2]).toEqual(DENIED)
    await page.waitForFunction(() => (window as any).manager.mode === 'opt-out')
    let entries = await readDataLayer(page)
    expect(summary(entries)).toEqual(['consent:default', 'js:date', 'config:G-TEST', 'consent:update', 'event:charto_consent'])
    expect(entries[3].value[2]).toEqual(GRANTED)
    expect(await page.evaluate(() => (window as any).manager.getConsent())).toMatchObject({ decided: false, region: 'US-CA' })
    await context.close()
  })
})

describe('consent records', () => {
  it('delivers one JSON record per request; a failed first attempt is retried on the next page load', async () => {
    let attempts: { contentType?: string; body: string }[] = []
    server.route('/records', (req, res, body) => {
      attempts.push({ contentType: req.headers['content-type'], body })
      res.writeHead(attempts.length === 1 ? 500 : 204).end()
    })
    sitePage('/records.html', { records: { endpoint: '/records', headers: { 'X-Site': 'charto-test' } } })
    let context = await browser.newContext()
    let page = await context.newPage()
    await page.goto(server.origin() + '/records.html?utm_source=newsletter#top')
    expect(attempts).toHaveLength(0)
    await page.evaluate(() => (window as any).manager.setConsent({ performance: true }, 'custom'))
    await page.waitForFunction(() => localStorage.getItem('charto:records'))
    expect(attempts).toHaveLength(1)
    expect(attempts[0].contentType).toBe('application/json')
    let record = JSON.parse(attempts[0].body)
    expect(record).toMatchObject({
      method: 'custom',
      categories: { necessary: true, performance: true, marketing: false, functional: false },
      gpc: false,
      mode: 'opt-in',
      language: 'en',
      url: server.origin() + '/records.html'
    })
    expect(attempts[0].body).not.toMatch(/utm_source|Mozilla|HeadlessChrome/)

    await page.reload()
    await page.waitForFunction(() => !localStorage.getItem('charto:records'))
    expect(attempts).toHaveLength(2)
    expect(JSON.parse(attempts[1].body)).toEqual(record)
    await page.reload()
    await page.waitForTimeout(200)
    expect(attempts).toHaveLength(2)
    await context.close()
  })

  it('end to end with the records service (cross-origin, CORS preflight) for a GPC decision and a withdrawal', async () => {
    sitePage('/records-e2e.html', { regions: { 'US-CA': { mode: 'opt-out' } }, region: 'US-CA', records: { endpoint: receiverUrl } })
    let context = await browser.newContext()
    await context.addInitScript(() => Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => true }))
    let page = await context.newPage()
    await page.goto(server.origin() + '/records-e2e.html')
    await page.evaluate(() => (window as any).manager.setConsent({ performance: false, functional: false }, 'custom'))
    let lines: any[] = []
    for (let i = 0; i < 50 && lines.length < 2; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100))
      lines = (await receiverStore.query('SELECT id, method, gpc, region, mode, categories FROM consent_records ORDER BY updated_at')).rows
    }
    expect(lines.map((r) => r.method)).toEqual(['gpc', 'custom'])
    expect(lines[0]).toMatchObject({ gpc: true, region: 'US-CA', mode: 'opt-out', categories: { marketing: false } })
    expect(lines[1].id).toBe(lines[0].id)
    expect(await page.evaluate(() => localStorage.getItem('charto:records'))).toBe(null)
    await context.close()
  })
})
