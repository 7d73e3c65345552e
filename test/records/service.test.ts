// The records service over HTTP, on each store: ingest, privacy, receipts, the privacy team's access.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { countRecords, migrate, startRecordsService, type RunningService, type Store } from '../../src/server/index.js'
import { createConsent } from '../../src/core/consent.js'
import { toRecord } from '../../src/records/record.js'
import { consentId, dumpDatabase, freshStore, sampleRecord, STORE_KINDS, type StoreUnderTest } from './stores.js'

const TOKEN = 'test-token-0123456789'
const SITE = 'https://www.example.com'

describe.each(STORE_KINDS)('records service on %s', (kind) => {
  let underTest: StoreUnderTest
  let store: Store
  let service: RunningService
  let logLines: string[] = []
  let endpoint: string
  let post = (body: unknown, headers: Record<string, string> = {}) =>
    fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: SITE, ...headers },
      body: typeof body == 'string' ? body : JSON.stringify(body)
    })
  let admin = (path: string, init: RequestInit = {}) =>
    fetch(service.url + path, { ...init, headers: { authorization: `Bearer ${TOKEN}`, ...init.headers } })

  beforeAll(async () => {
    underTest = await freshStore(kind)
    store = await underTest.open()
    service = await startRecordsService({
      store,
      port: 0,
      origins: [SITE],
      token: TOKEN,
      retainDays: 30,
      purgeEveryHours: 0,
      log: (line) => logLines.push(line)
    })
    endpoint = service.url + '/consent-records'
  })
  afterAll(async () => {
    await service?.close()
    await store?.close()
    await underTest?.dispose()
  })

  it('applies each migration once: a second start finds nothing to do', async () => {
    expect(await migrate(store)).toEqual([])
    let { rows } = await store.query('SELECT version, name FROM charto_migrations')
    expect(rows).toEqual([{ version: 1, name: 'consent records' }])
  })

  it('stores a record once: a retried delivery of the same decision is acknowledged, not stored twice', async () => {
    let record = sampleRecord({ id: consentId() })
    let first = await post(record)
    expect(first.status).toBe(201)
    expect(first.headers.get('access-control-allow-origin')).toBe(SITE)
    let retry = await post(record)
    expect(retry.status).toBe(200)
    expect(await retry.json()).toEqual({ stored: false, duplicate: true })
    let { rows } = await store.query('SELECT count(*)::int AS n FROM consent_records WHERE id = $1', [record.id])
    expect(rows[0].n).toBe(1)
  })

  it('keeps every decision one consent makes within one millisecond: each is dated after the one it changes', async () => {
    vi.useFakeTimers({ now: Date.parse('2026-12-01T10:00:00.000Z'), toFake: ['Date'] })
    let records: unknown[] = []
    try {
      // The core as a page runs it (in Node it stores nothing: each decision holds in memory, which is enough here).
      let manager = createConsent({})
      manager.on('change', ({ consent }) => records.push({ ...toRecord(consent, manager.config, '0'.repeat(64)), url: SITE + '/' }))
      manager.acceptAll()
      manager.setConsent({ marketing: false })
      manager.rejectAll()
      manager.destroy()
    } finally {
      vi.useRealTimers()
    }
    for (let record of records) expect((await post(record)).status).toBe(201)
    let { rows } = await store.query('SELECT method FROM consent_records WHERE id = $1 ORDER BY updated_at', [(records[0] as { id: string }).id])
    expect(rows.map((row) => row.method)).toEqual(['accept-all', 'api', 'reject-all'])
  })

  it('keeps neither IP address, user agent, cookies nor query string, in the database or the access log', async () => {
    let id = consentId()
    let response = await fetch(endpoint + '?email=visitor%40mail.test&utm_source=secret-campaign', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        origin: SITE,
        'x-forwarded-for': '203.0.113.77',
        'x-real-ip': '198.51.100.23',
        'user-agent': 'Mozilla/5.0 (UniqueAgent-42)',
        cookie: 'session=cookie-secret-value; charto=1|abc'
      },
      body: JSON.stringify(sampleRecord({ id }))
    })
    expect(response.status).toBe(201)
    await fetch(`${endpoint}/${id}/receipt?tracking=query-secret`, { headers: { 'user-agent': 'Mozilla/5.0 (UniqueAgent-42)' } })
    let everything = (await dumpDatabase(store)) + logLines.join('\n')
    for (let secret of ['203.0.113.77', '198.51.100.23', '127.0.0.1', 'UniqueAgent', 'cookie-secret', 'visitor', 'secret-campaign', 'query-secret']) {
      expect(everything).not.toContain(secret)
    }
    // The access log names routes, not consent ids.
    expect(logLines.join('\n')).not.toContain(id)
    expect(logLines.some((line) => / POST \/consent-records 201 \d+ms$/.test(line))).toBe(true)
    expect(logLines.some((line) => / GET \/consent-records\/:id\/receipt 200 \d+ms$/.test(line))).toBe(true)
  })

  it('refuses hostile and invalid bodies with a 4xx that names the problem, and stores nothing of them', async () => {
    let before = await countRecords(store)
    let id = consentId()
    let cases: [string, RequestInit['body'], Record<string, string>, number, RegExp][] = [
      ['oversized', JSON.stringify(sampleRecord({ id, url: SITE + '/' + 'x'.repeat(20_000) })), {}, 413, /at most 16384 bytes/],
      ['deep nesting', '{"categories":' + '['.repeat(5000) + ']'.repeat(5000) + '}', {}, 400, /categories: must map/],
      ['deeper than the parser', '['.repeat(16_000), {}, 400, /not valid JSON/],
      ['prototype key', `{"__proto__":{"admin":true},${JSON.stringify(sampleRecord({ id })).slice(1)}`, {}, 400, /__proto__: is not a record field/],
      ['constructor category', JSON.stringify(sampleRecord({ id, categories: { necessary: true, __proto__x: true } })), {}, 400, /categories/],
      ['wrong types', JSON.stringify(sampleRecord({ id, revision: '1', gpc: 'no', method: 'maybe' })), {}, 400, /revision: .*\n.*method: .*\n.*gpc: /s],
      ['personal data', JSON.stringify(sampleRecord({ id, ip: '203.0.113.9', userAgent: 'Mozilla/5.0' })), {}, 400, /ip: is not a record field.*userAgent: is not a record field/s],
      ['query string in url', JSON.stringify(sampleRecord({ id, url: SITE + '/?email=a@b.c' })), {}, 400, /url: must be an http\(s\) URL without query string/],
      ['not JSON', '{"id":', {}, 400, /not valid JSON/],
      ['an array', '[]', {}, 400, /must be a JSON object/],
      ['text/plain', JSON.stringify(sampleRecord({ id })), { 'content-type': 'text/plain' }, 415, /Content-Type: application\/json/],
      ['other origin', JSON.stringify(sampleRecord({ id })), { origin: 'https://evil.example' }, 403, /records from https:\/\/evil\.example are not accepted: it is not in the service's allowed origins/]
    ]
    for (let [name, body, headers, status, message] of cases) {
      let response = await post(body, headers)
      expect(response.status, name).toBe(status)
      let answer = await response.json()
      expect([answer.error, ...(answer.problems || [])].join('\n'), name).toMatch(message)
    }
    let prototypeCheck = {} as Record<string, unknown>
    expect(prototypeCheck.admin).toBeUndefined()
    expect(await countRecords(store)).toBe(before)
  })

  it('answers the CORS preflight for allowed origins only', async () => {
    let allowed = await fetch(endpoint, {
      method: 'OPTIONS',
      headers: { origin: SITE, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,x-site' }
    })
    expect(allowed.status).toBe(204)
    expect(allowed.headers.get('access-control-allow-origin')).toBe(SITE)
    expect(allowed.headers.get('access-control-allow-headers')).toBe('content-type,x-site')
    let refused = await fetch(endpoint, { method: 'OPTIONS', headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' } })
    expect(refused.status).toBe(403)
    expect(refused.headers.get('access-control-allow-origin')).toBe(null)
    expect((await fetch(endpoint)).status).toBe(405)
    expect((await fetch(service.url + '/nothing-here')).status).toBe(404)
  })

  it('serves the visitor their receipt at <endpoint>/<id>/receipt: JSON by default, an escaped page without script for text/html', async () => {
    let id = consentId()
    await post(sampleRecord({ id, updatedAt: '2026-11-20T10:00:00.000Z', createdAt: '2026-11-20T10:00:00.000Z', method: 'accept-all', categories: { necessary: true, marketing: true } }))
    // A withdrawal adds a record; the first stays.
    await post(sampleRecord({ id, createdAt: '2026-11-20T10:00:00.000Z', updatedAt: '2026-11-21T10:00:00.000Z', method: 'custom', revision: 2, categories: { necessary: true, marketing: false }, url: SITE + '/<script>alert(1)</script>' }))
    let json = await fetch(`${endpoint}/${id}/receipt`)
    expect(json.status).toBe(200)
    expect(json.headers.get('content-type')).toMatch(/^application\/json/)
    expect(json.headers.get('cache-control')).toBe('no-store')
    let receipt = await json.json()
    expect(receipt).toMatchObject({
      version: 'KI-CR-v1.1.0',
      piiPrincipalId: id,
      collectionMethod: 'custom',
      consentTimestamp: Date.parse('2026-11-21T10:00:00.000Z') / 1000,
      jurisdiction: 'DE'
    })
    expect(receipt.services.map((entry: any) => entry.service)).toEqual(['necessary', 'ga4'])
    expect(receipt.history.map((entry: any) => entry.method)).toEqual(['accept-all', 'custom'])

    let page = await fetch(`${endpoint}/${id}/receipt`, { headers: { accept: 'text/html,application/xhtml+xml' } })
    expect(page.headers.get('content-type')).toMatch(/^text\/html/)
    let csp = page.headers.get('content-security-policy')!
    expect(csp).toMatch(/default-src 'none'/)
    expect(csp).not.toMatch(/unsafe-inline|script-src/)
    let html = await page.text()
    expect(html).not.toMatch(/<script/i)
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    expect(html).toContain(id)
    expect(html).toMatch(/marketing<\/td><td class="refused">refused/)
    expect((await fetch(`${endpoint}/${id}/receipt?format=json`, { headers: { accept: 'text/html' } })).headers.get('content-type')).toMatch(/json/)

    let missing = await fetch(`${endpoint}/${consentId()}/receipt`)
    expect(missing.status).toBe(404)
    expect((await missing.json()).error).toMatch(/no consent record with this id/)
    let missingPage = await fetch(`${endpoint}/${consentId()}/receipt`, { headers: { accept: 'text/html' } })
    expect(missingPage.status).toBe(404)
    expect(missingPage.headers.get('content-security-policy')).toMatch(/default-src 'none'/)
    expect(await missingPage.text()).toMatch(/<h1>No consent receipt<\/h1>/)
    expect((await fetch(`${endpoint}/not-an-id/receipt`)).status).toBe(404)
  })

  it('keeps the privacy team access behind the bearer token', async () => {
    for (let path of ['/admin/export', '/admin/stats']) {
      expect((await fetch(service.url + path)).status).toBe(401)
      expect((await fetch(service.url + path, { headers: { authorization: 'Bearer wrong' } })).status).toBe(401)
      expect((await fetch(service.url + path, { headers: { authorization: `Bearer ${TOKEN}x` } })).status).toBe(401)
    }
    expect((await fetch(service.url + '/admin/purge', { method: 'POST' })).status).toBe(401)
    expect((await fetch(`${service.url}/admin/consent-records/${consentId()}`, { method: 'DELETE' })).status).toBe(401)
    let open = await startRecordsService({ store, port: 0, purgeEveryHours: 0 })
    try {
      let response = await fetch(open.url + '/admin/export', { headers: { authorization: 'Bearer anything' } })
      expect(response.status).toBe(403)
      expect((await response.json()).error).toMatch(/CHARTO_RECORDS_TOKEN/)
    } finally {
      await open.close()
    }
  })

  it('exports by date range as JSON Lines and CSV, and counts rates per day as aggregates only', async () => {
    let ids = [consentId(), consentId(), consentId()]
    await post(sampleRecord({ id: ids[0], createdAt: '2026-10-01T08:00:00.000Z', updatedAt: '2026-10-01T08:00:00.000Z', method: 'accept-all', categories: { necessary: true, marketing: true }, region: 'FR' }))
    await post(sampleRecord({ id: ids[1], createdAt: '2026-10-01T09:00:00.000Z', updatedAt: '2026-10-01T09:00:00.000Z', method: 'reject-all', categories: { necessary: true, marketing: false }, region: null, url: SITE + '/=cmd' }))
    await post(sampleRecord({ id: ids[2], createdAt: '2026-10-02T09:00:00.000Z', updatedAt: '2026-10-02T09:00:00.000Z', method: 'accept-all', categories: { necessary: true, marketing: true }, revision: 3, language: '=HYPERLINK("x")' }))

    let jsonl = await admin('/admin/export?from=2026-10-01&to=2026-10-02')
    expect(jsonl.headers.get('content-type')).toMatch(/ndjson/)
    let lines = (await jsonl.text()).trim().split('\n').map((line) => JSON.parse(line))
    expect(lines.map((line) => line.id)).toEqual([ids[0], ids[1]])
    expect(lines[0]).toMatchObject({ method: 'accept-all', region: 'FR', categories: { necessary: true, marketing: true } })
    expect(lines[0].receivedAt).toMatch(/Z$/)

    let csv = await (await admin('/admin/export?format=csv&from=2026-10-01&to=2026-10-03')).text()
    let rows = csv.trim().split('\r\n')
    expect(rows[0]).toBe('id,createdAt,updatedAt,expiresAt,receivedAt,revision,configHash,method,gpc,mode,region,language,url,categories,services')
    expect(rows).toHaveLength(4)
    expect(rows[3]).toContain(`"'=HYPERLINK(""x"")"`)
    // jsonb keeps keys in its own order (shorter first): the choices are the same.
    expect(rows[1]).toContain('"{""marketing"":true,""necessary"":true}","{""ga4"":true}"')

    expect((await admin('/admin/export?format=xml')).status).toBe(400)
    expect((await admin('/admin/export?from=yesterday')).status).toBe(400)

    let stats = await (await admin('/admin/stats?from=2026-10-01&to=2026-10-03')).json()
    expect(stats.days).toEqual([
      {
        day: '2026-10-01',
        records: 2,
        categories: { necessary: { granted: 2, rate: 1 }, marketing: { granted: 1, rate: 0.5 } },
        methods: { 'accept-all': 1, 'reject-all': 1 },
        regions: { FR: 1, unknown: 1 },
        revisions: { 1: 2 }
      },
      {
        day: '2026-10-02',
        records: 1,
        categories: { necessary: { granted: 1, rate: 1 }, marketing: { granted: 1, rate: 1 } },
        methods: { 'accept-all': 1 },
        regions: { DE: 1 },
        revisions: { 3: 1 }
      }
    ])
    expect(JSON.stringify(stats)).not.toContain(ids[0])
  })

  it('erases a consent id’s whole chain and says how many records went', async () => {
    let id = consentId()
    await post(sampleRecord({ id, updatedAt: '2026-11-20T10:00:00.000Z', createdAt: '2026-11-20T10:00:00.000Z' }))
    await post(sampleRecord({ id, createdAt: '2026-11-20T10:00:00.000Z', updatedAt: '2026-11-22T10:00:00.000Z', method: 'reject-all' }))
    let other = consentId()
    await post(sampleRecord({ id: other }))
    let response = await admin(`/admin/consent-records/${id}`, { method: 'DELETE' })
    expect(await response.json()).toEqual({ erased: 2 })
    expect((await fetch(`${endpoint}/${id}/receipt`)).status).toBe(404)
    expect((await fetch(`${endpoint}/${other}/receipt`)).status).toBe(200)
    expect(await (await admin(`/admin/consent-records/${id}`, { method: 'DELETE' })).json()).toEqual({ erased: 0 })
    expect((await admin('/admin/consent-records/NOT-AN-ID', { method: 'DELETE' })).status).toBe(400)
  })

  it('purges records whose decision expired more than the retention days ago, and only those', async () => {
    let day = 864e5
    let iso = (offset: number) => new Date(Date.now() + offset).toISOString()
    let old = consentId()
    let recent = consentId()
    let current = consentId()
    await post(sampleRecord({ id: old, createdAt: iso(-400 * day), updatedAt: iso(-400 * day), expiresAt: iso(-31 * day) }))
    await post(sampleRecord({ id: recent, createdAt: iso(-200 * day), updatedAt: iso(-200 * day), expiresAt: iso(-29 * day) }))
    await post(sampleRecord({ id: current, createdAt: iso(-day), updatedAt: iso(-day), expiresAt: iso(180 * day) }))
    let response = await admin('/admin/purge', { method: 'POST' })
    expect(await response.json()).toEqual({ purged: 1, retainDays: 30 })
    expect((await fetch(`${endpoint}/${old}/receipt`)).status).toBe(404)
    expect((await fetch(`${endpoint}/${recent}/receipt`)).status).toBe(200)
    expect((await fetch(`${endpoint}/${current}/receipt`)).status).toBe(200)
  })

  it('reports health and serves the dashboard page under a strict CSP', async () => {
    expect(await (await fetch(service.url + '/health')).json()).toEqual({ ok: true, store: store.kind })
    let page = await fetch(service.url + '/admin/')
    expect(page.headers.get('content-security-policy')).toMatch(/script-src 'self'/)
    let html = await page.text()
    expect(html).toContain('<script src="/admin/dashboard.js" defer></script>')
    expect(html).not.toMatch(/<script>/)
  })
})
