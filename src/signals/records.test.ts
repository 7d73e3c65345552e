import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import Cookies from 'js-cookie'
import { createHash } from 'node:crypto'
import { createConsent, type ConsentManager, type Extension } from '../core/consent.js'
import { resolveConfig } from '../core/config.js'
import type { ChartoConfig } from '../core/types.js'
import { backoff, configHash, IN_FLIGHT, MAX_ATTEMPTS, QUEUE_SIZE, records, sha256, toReceipt, type ConsentRecord } from './records.js'
import { regions } from './regions.js'
import { lazyRecords } from '../records/lazy.js'
import { startDelivery } from '../records/delivery.js'

const ENDPOINT = 'https://records.example/consent'
const services: ChartoConfig['services'] = { ga4: { category: 'performance', label: 'Google Analytics' }, pixel: { category: 'marketing' } }
let managers: ConsentManager[] = []
let make = (config: ChartoConfig = {}, extensions: Extension[] = [records]) => {
  let manager = createConsent({ services, records: { endpoint: ENDPOINT }, ...config }, extensions)
  managers.push(manager)
  return manager
}
let fetchMock = vi.fn()
let ok = () => Promise.resolve({ ok: true, status: 204 })
let fail = () => Promise.resolve({ ok: false, status: 500 })
let settle = () => new Promise((resolve) => setTimeout(resolve, 0))
let queue = () => JSON.parse(localStorage.getItem('charto:records') || '[]')
let sent = (): ConsentRecord[] => fetchMock.mock.calls.map((call) => JSON.parse(call[1].body))
let setGpc = (value: boolean | undefined) => Object.defineProperty(navigator, 'globalPrivacyControl', { value, configurable: true })

beforeEach(() => {
  for (let name of Object.keys(Cookies.get())) Cookies.remove(name)
  localStorage.clear()
  fetchMock = vi.fn(ok)
  vi.stubGlobal('fetch', fetchMock)
  history.replaceState(null, '', '/shop/page?utm_source=mail&email=a@b.c#top')
})
afterEach(() => {
  for (let manager of managers) manager.destroy()
  managers = []
  setGpc(undefined)
  vi.unstubAllGlobals()
  vi.useRealTimers()
})

describe('a response that clears the site’s data (Clear-Site-Data)', () => {
  it('puts the decision back once the answer to its record arrives', async () => {
    fetchMock = vi.fn(() => {
      // What `Clear-Site-Data: "cookies"` does before the answer reaches the page.
      for (let name of Object.keys(Cookies.get())) Cookies.remove(name)
      return ok()
    })
    vi.stubGlobal('fetch', fetchMock)
    let manager = make({ mode: 'opt-out' })
    manager.rejectAll()
    await settle()
    expect(fetchMock).toHaveBeenCalledOnce()
    expect(make({ mode: 'opt-out' }).getConsent()).toMatchObject({ decided: true, categories: { marketing: false } })
  })
})

describe('the record', () => {
  it('a record stays queued until its answer comes: a page closed while it is on its way loses nothing', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    let start = 1_000_000_000_000
    vi.setSystemTime(start)
    // The answer never comes: the visitor left the page while the request was out.
    fetchMock.mockImplementation(() => new Promise(() => {}))
    make().acceptAll()
    await settle()
    expect(queue()).toEqual([[sent()[0], 1, start + IN_FLIGHT]])
    make() // a load right after: the answer may still come, so it is not sent twice
    await settle()
    expect(fetchMock).toHaveBeenCalledTimes(1)
    vi.setSystemTime(start + IN_FLIGHT)
    make() // a later load sends it again
    await settle()
    expect(fetchMock).toHaveBeenCalledTimes(2)
    fetchMock.mockImplementation(ok)
    vi.setSystemTime(start + IN_FLIGHT + backoff(2) + IN_FLIGHT)
    make()
    await settle()
    expect(sent()[2]).toEqual(sent()[0])
    expect(queue()).toHaveLength(0)
  })

  it('every decision yields a record with the documented fields and no personal data', async () => {
    let onRecord = vi.fn()
    let manager = make({ onRecord, language: 'de', revision: 3 })
    manager.setConsent({ performance: true, pixel: true })
    let record: ConsentRecord = onRecord.mock.calls[0][0]
    expect(Object.keys(record).sort()).toEqual(
      ['categories', 'configHash', 'createdAt', 'expiresAt', 'gpc', 'id', 'language', 'method', 'mode', 'region', 'revision', 'services', 'updatedAt', 'url'].sort()
    )
    expect(record).toMatchObject({
      revision: 3,
      categories: { necessary: true, performance: true, marketing: false, functional: false },
      services: { ga4: true, pixel: true },
      method: 'api',
      gpc: false,
      mode: 'opt-in',
      region: null,
      language: 'de'
    })
    expect(record.id).toMatch(/^[\da-f]{8}-[\da-f]{4}-4[\da-f]{3}-[89ab][\da-f]{3}-[\da-f]{12}$/)
    expect(record.createdAt).toBe(record.updatedAt)
    expect(record.configHash).toMatch(/^[\da-f]{64}$/)
    expect(record.url).toMatch(/\/shop\/page$/)
    let json = JSON.stringify(record)
    expect(json).not.toMatch(/utm_source|email|#top|userAgent|Mozilla|"ip"/i)
  })

  it('methods accept-all, reject-all, custom, api; createdAt stays, updatedAt moves', async () => {
    let onRecord = vi.fn()
    let manager = make({ onRecord })
    manager.acceptAll()
    manager.rejectAll()
    manager.setConsent({ functional: true }, 'custom')
    let list: ConsentRecord[] = onRecord.mock.calls.map((c) => c[0])
    expect(list.map((r) => r.method)).toEqual(['accept-all', 'reject-all', 'custom'])
    expect(new Set(list.map((r) => r.id)).size).toBe(1)
    expect(new Set(list.map((r) => r.createdAt)).size).toBe(1)
  })

  it('a withdrawal produces a new record', () => {
    let onRecord = vi.fn()
    let manager = make({ onRecord })
    manager.acceptAll()
    manager.setConsent({ marketing: false, performance: false, functional: false })
    expect(onRecord).toHaveBeenCalledTimes(2)
    expect(onRecord.mock.calls[1][0].categories).toEqual({ necessary: true, performance: false, marketing: false, functional: false })
  })

  it('a GPC decision at init is recorded with method gpc and the region', async () => {
    setGpc(true)
    let onRecord = vi.fn()
    make({ onRecord, regions: { 'US-CA': { mode: 'opt-out' } }, region: 'US-CA' }, [regions, records])
    expect(onRecord).toHaveBeenCalledOnce()
    expect(onRecord.mock.calls[0][0]).toMatchObject({ method: 'gpc', gpc: true, mode: 'opt-out', region: 'US-CA', categories: { marketing: false, performance: true } })
    await settle()
    expect(sent()[0].method).toBe('gpc')
  })

  it('no record for decisions from other tabs, nor for reset (no decision)', async () => {
    let onRecord = vi.fn()
    let manager = make({ onRecord })
    let other = make({ records: undefined }, [])
    other.acceptAll()
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(manager.getConsent().decided).toBe(true)
    manager.reset()
    expect(onRecord).not.toHaveBeenCalled()
    await settle()
    expect(fetchMock).not.toHaveBeenCalled()
  })

  it('fails closed: a throwing or rejecting onRecord breaks nothing', async () => {
    let manager = make({
      onRecord: () => {
        throw new Error('host bug')
      }
    })
    expect(() => manager.acceptAll()).not.toThrow()
    let other = make({ onRecord: () => Promise.reject(new Error('host bug')) })
    other.rejectAll()
    await settle()
    expect(manager.isGranted('marketing')).toBe(false)
    expect(fetchMock).toHaveBeenCalledTimes(2)
  })

  it('the language falls back to <html lang>', () => {
    document.documentElement.lang = 'fr'
    let onRecord = vi.fn()
    make({ onRecord, records: undefined }).acceptAll()
    expect(onRecord.mock.calls[0][0].language).toBe('fr')
    document.documentElement.lang = ''
  })
})

describe('delivery to the host endpoint', () => {
  it('POSTs one JSON object per request with keepalive and Content-Type, plus host headers, without blocking', async () => {
    let manager = make({ records: { endpoint: ENDPOINT, headers: { Authorization: 'Bearer site-key' } } })
    manager.acceptAll()
    expect(fetchMock).not.toHaveBeenCalled()
    await settle()
    expect(fetchMock).toHaveBeenCalledOnce()
    let [url, init] = fetchMock.mock.calls[0]
    expect(url).toBe(ENDPOINT)
    expect(init).toMatchObject({ method: 'POST', keepalive: true, headers: { 'Content-Type': 'application/json', Authorization: 'Bearer site-key' } })
    expect(JSON.parse(init.body)).toMatchObject({ method: 'accept-all', categories: { marketing: true } })
  })

  it('nothing is sent without an endpoint', async () => {
    let onRecord = vi.fn()
    make({ records: undefined, onRecord }).acceptAll()
    make({ records: {} as any }).acceptAll()
    // A wrong endpoint is a configuration error, named with its path, never a silent send.
    expect(() => make({ records: { endpoint: 42 as any } })).toThrow(/records\.endpoint: must be a URL/)
    await settle()
    expect(onRecord).toHaveBeenCalledOnce()
    expect(fetchMock).not.toHaveBeenCalled()
  })

  it('a failed delivery is queued and retried on the next load; delivered items leave the queue', async () => {
    fetchMock.mockImplementation(fail)
    make().acceptAll()
    await settle()
    expect(queue()).toHaveLength(1)
    expect(queue()[0][1]).toBe(1)
    fetchMock.mockImplementation(ok)
    make()
    await settle()
    expect(fetchMock).toHaveBeenCalledTimes(2)
    expect(sent()[1]).toEqual(sent()[0])
    expect(queue()).toHaveLength(0)
  })

  it('network errors and a throwing fetch are queued too', async () => {
    fetchMock.mockImplementation(() => Promise.reject(new TypeError('offline')))
    make().acceptAll()
    await settle()
    fetchMock.mockImplementation(() => {
      throw new TypeError('bad')
    })
    make().rejectAll()
    await settle()
    expect(queue()).toHaveLength(2)
  })

  it('back-off: 0 for the first retry, then 1, 3, 7 minutes…, capped at one day', () => {
    expect([1, 2, 3, 4].map(backoff)).toEqual([0, 6e4, 18e4, 42e4])
    expect(backoff(30)).toBe(864e5)
  })

  it('an item not yet due waits; a due item failing again backs off further', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(1_000_000_000_000)
    fetchMock.mockImplementation(fail)
    make().acceptAll()
    await settle()
    make() // second load: first retry is due at once, fails again
    await settle()
    expect(fetchMock).toHaveBeenCalledTimes(2)
    expect(queue()[0][1]).toBe(2)
    expect(queue()[0][2]).toBe(1_000_000_000_000 + 6e4)
    make() // third load within the minute: not due
    await settle()
    expect(fetchMock).toHaveBeenCalledTimes(2)
    expect(queue()).toHaveLength(1)
    vi.setSystemTime(1_000_000_000_000 + 6e4)
    fetchMock.mockImplementation(ok)
    make()
    await settle()
    expect(fetchMock).toHaveBeenCalledTimes(3)
    expect(queue()).toHaveLength(0)
  })

  it(`the queue is bounded to ${QUEUE_SIZE} items (oldest dropped) and an item is dropped after ${MAX_ATTEMPTS} attempts`, async () => {
    fetchMock.mockImplementation(fail)
    // One decision a millisecond: identical records (same id, time and choices) are one entry in the queue.
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(1_000_000_000_000)
    let manager = make()
    for (let i = 0; i < QUEUE_SIZE + 5; i++) vi.setSystemTime(1_000_000_000_001 + i), manager.setConsent({ functional: i % 2 === 0 })
    await settle()
    expect(queue()).toHaveLength(QUEUE_SIZE)
    expect(queue()[QUEUE_SIZE - 1][0].categories.functional).toBe((QUEUE_SIZE + 4) % 2 === 0)
    localStorage.setItem('charto:records', JSON.stringify([[queue()[0][0], MAX_ATTEMPTS - 1, 0]]))
    make()
    await settle()
    expect(queue()).toHaveLength(0)
  })

  it('a corrupt or hand-edited queue is ignored without throwing', async () => {
    for (let value of ['{oops', '{"a":1}', '[null, 5, "x"]']) {
      localStorage.setItem('charto:records', value)
      expect(() => make()).not.toThrow()
    }
    await settle()
  })

  it('a delivery that cannot be loaded queues the decision as it is; a later page makes its record and sends it', async () => {
    let errors: unknown[] = []
    let failing = lazyRecords(() => Promise.reject(new Error('charto: charto.records.js did not load')))
    document.documentElement.lang = 'de'
    let manager = make({}, [failing])
    manager.on('error', (error) => errors.push(error))
    manager.rejectAll()
    await settle()
    expect(errors).toHaveLength(1)
    expect(fetchMock).not.toHaveBeenCalled()
    expect(queue()).toEqual([[{ consent: manager.getConsent(), mode: 'opt-in', url: 'http://localhost:3000/shop/page', lang: 'de' }, 0, 0]])

    // The next page is another one, in another language: the record is the one of the page the decision was made on.
    history.replaceState(null, '', '/other')
    document.documentElement.lang = 'fr'
    make({}, [lazyRecords(() => Promise.resolve(startDelivery))])
    await settle()
    expect(sent()).toEqual([
      expect.objectContaining({ id: manager.getConsent().id, method: 'reject-all', url: 'http://localhost:3000/shop/page', language: 'de', mode: 'opt-in', configHash: configHash(resolveConfig({ services, records: { endpoint: ENDPOINT } })) })
    ])
    await settle()
    expect(queue()).toEqual([])
    document.documentElement.lang = ''
  })

  it('retries when the browser comes back online', async () => {
    fetchMock.mockImplementation(fail)
    make().acceptAll()
    await settle()
    fetchMock.mockImplementation(ok)
    dispatchEvent(new Event('online'))
    await settle()
    expect(fetchMock).toHaveBeenCalledTimes(2)
    expect(queue()).toHaveLength(0)
  })

  it('storage failures never break a decision', async () => {
    fetchMock.mockImplementation(fail)
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new Error('QuotaExceededError')
    })
    let manager = make()
    expect(() => manager.acceptAll()).not.toThrow()
    await settle()
    vi.restoreAllMocks()
  })
})

describe('configHash and sha256', () => {
  it('sha256 matches node:crypto (ASCII, multi-byte, block edges)', () => {
    for (let text of ['', 'abc', 'ä€𝄞 charto', 'a'.repeat(55), 'a'.repeat(56), 'b'.repeat(64), 'c'.repeat(1000)]) {
      expect(sha256(text)).toBe(createHash('sha256').update(text, 'utf8').digest('hex'))
    }
  })

  it('is stable across key order and ignores scripts and callbacks; changes with any wording', () => {
    let a = resolveConfig({ services: { ga4: { category: 'performance', label: 'GA', scripts: ['*.google-analytics.com/*'], onAccept() {} } } })
    let b = resolveConfig({ services: { ga4: { label: 'GA', category: 'performance' } } })
    expect(configHash(a)).toBe(configHash(b))
    let c = resolveConfig({ services: { ga4: { category: 'performance', label: 'Google Analytics' } } })
    expect(configHash(c)).not.toBe(configHash(b))
    let d = resolveConfig({ services: b.services, translations: { de: { accept: 'Alle akzeptieren' } } })
    expect(configHash(d)).not.toBe(configHash(b))
    let e = resolveConfig({ categories: { performance: { cookies: ['_ga'] } }, services: b.services })
    expect(configHash(e)).not.toBe(configHash(b))
  })

  it('records carry configHash(manager.config)', () => {
    let onRecord = vi.fn()
    let manager = make({ onRecord })
    manager.acceptAll()
    expect(onRecord.mock.calls[0][0].configHash).toBe(configHash(manager.config))
  })
})

describe('toReceipt', () => {
  it('gives the Kantara Consent Receipt v1.1 shape', () => {
    let onRecord = vi.fn()
    let manager = make({ onRecord, language: 'en', region: 'DE' })
    manager.setConsent({ performance: true, pixel: true })
    let record: ConsentRecord = onRecord.mock.calls[0][0]
    let controller = { piiController: 'Example GmbH', contact: 'DPO', address: { streetAddress: 'Hauptstr. 1' }, email: 'dpo@example.com', phone: '+49 30 000' }
    let receipt = toReceipt(record, { controller, policyUrl: 'https://example.com/privacy', jurisdiction: 'DE', config: manager.config })
    expect(receipt).toMatchObject({
      version: 'KI-CR-v1.1.0',
      jurisdiction: 'DE',
      consentTimestamp: Math.floor(Date.parse(record.updatedAt) / 1000),
      collectionMethod: 'api',
      piiPrincipalId: record.id,
      piiControllers: [controller],
      policyUrl: 'https://example.com/privacy',
      language: 'en',
      sensitive: false,
      spiCat: []
    })
    expect(receipt.consentReceiptID.startsWith(record.id)).toBe(true)
    expect(receipt.services.map((s) => s.service)).toEqual(['necessary', 'performance', 'Google Analytics', 'pixel'])
    let ga = receipt.services[2].purposes[0]
    expect(ga).toMatchObject({ purpose: 'performance', purposeCategory: ['performance'], consentType: 'EXPLICIT', primaryPurpose: false, thirdPartyDisclosure: false })
    expect(typeof ga.termination).toBe('string')
    expect(receipt.services[0].purposes[0]).toMatchObject({ consentType: 'NOT REQUIRED', primaryPurpose: true })
    expect(toReceipt(record)).toEqual(toReceipt(record))
  })
})

describe('sha256 (property)', () => {
  it('matches node:crypto for arbitrary strings', async () => {
    let fc = (await import('fast-check')).default
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (text) => sha256(text) === createHash('sha256').update(text, 'utf8').digest('hex')), { numRuns: 300 })
  })
})
