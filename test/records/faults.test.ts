// Faults: the database goes away mid-ingest, the service restarts, the database is slow, a burst exceeds capacity.
// A client that retries what was not acknowledged (as the SDK's queue does) loses nothing and duplicates nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { countRecords, migrate, openStore, startRecordsService, type Store } from '../../src/server/index.js'
// @ts-ignore: plain ESM helper shared with bench/
import { startPostgres } from '../../scripts/postgres.mjs'
import { consentId, freshPglite, sampleRecord, STORE_KINDS, freshStore } from './stores.js'

const hasPostgres = STORE_KINDS.includes('PostgreSQL server')

let post = (url: string, body: unknown) =>
  fetch(url + '/consent-records', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })

/** Delivers every record, retrying what was not acknowledged, as the SDK's queue does on later page loads. */
async function deliverAll(url: string, bodies: object[], rounds = 40) {
  let waiting = bodies
  for (let round = 0; round < rounds && waiting.length; round++) {
    let answers = await Promise.all(waiting.map((body) => post(url, body).then((response) => response.status, () => 0)))
    waiting = waiting.filter((_body, index) => answers[index] >= 300)
    if (waiting.length) await new Promise((resolve) => setTimeout(resolve, 250))
  }
  return waiting.length
}

describe.runIf(hasPostgres)('the PostgreSQL server stops mid-ingest', () => {
  let postgres: { url: string; pause(): void; resume(): void; stop(): void }
  let store: Store
  beforeAll(async () => {
    // The WAL writer at its slowest: a crash then always finds a commit that was not written yet, if any is left unwritten.
    postgres = await startPostgres({ settings: ['wal_writer_delay=10000'] })
    store = await openStore({ databaseUrl: postgres.url, statementTimeoutMs: 2000 })
    await migrate(store)
  })
  afterAll(async () => {
    await store?.close()
    postgres?.stop()
  })

  it('keeps a record it acknowledged when the database stops at once right after (a crash)', async () => {
    let service = await startRecordsService({ store, port: 0, timeoutMs: 2000, purgeEveryHours: 0 })
    try {
      let record = sampleRecord({ id: consentId() })
      expect((await post(service.url, record)).status).toBe(201)
      postgres.pause()
      postgres.resume()
      let chain = async () => (await store.query('SELECT method FROM consent_records WHERE id = $1', [record.id])).rows
      // The pool's first query after the restart may meet a connection the crash broke.
      expect(await chain().catch(chain)).toEqual([{ method: record.method }])
    } finally {
      await service.close()
    }
  })

  it('answers 503 quickly while it is down, and stores every retried record exactly once when it is back', async () => {
    let service = await startRecordsService({ store, port: 0, timeoutMs: 2000, purgeEveryHours: 0 })
    try {
      let before = await countRecords(store)
      let bodies = Array.from({ length: 60 }, () => sampleRecord({ id: consentId() }))
      expect(await deliverAll(service.url, bodies.slice(0, 20))).toBe(0)
      postgres.pause()
      let started = Date.now()
      let during = await Promise.all(bodies.slice(20, 40).map((body) => post(service.url, body)))
      expect(during.map((response) => response.status)).toEqual(Array(20).fill(503))
      expect(during[0].headers.get('retry-after')).toBe('10')
      expect(await during[0].json()).toEqual({ error: 'the database is unavailable; retry later' })
      expect(Date.now() - started).toBeLessThan(4000)
      expect((await fetch(service.url + '/health')).status).toBe(503)
      postgres.resume()
      // What failed comes again (with the rest): nothing lost, nothing twice.
      expect(await deliverAll(service.url, bodies)).toBe(0)
      expect(await countRecords(store)).toBe(before + 60)
      expect((await fetch(service.url + '/health')).status).toBe(200)
    } finally {
      await service.close()
    }
  })

  it('a slow database: requests answer 503 within the timeout, a burst beyond capacity is refused at once, memory stays bounded', async () => {
    let service = await startRecordsService({ store, port: 0, timeoutMs: 1000, maxPending: 50, purgeEveryHours: 0 })
    let blocker = await openStore({ databaseUrl: postgres.url })
    let release = () => {}
    let held: Promise<unknown> = Promise.resolve()
    try {
      let before = await countRecords(store)
      // Another session holds the table: every insert waits, as on an overloaded server.
      held = blocker.transaction(async (transaction) => {
        await transaction.query('LOCK TABLE consent_records IN ACCESS EXCLUSIVE MODE')
        await new Promise<void>((resolve) => (release = resolve))
      })
      await new Promise((resolve) => setTimeout(resolve, 200))
      global.gc?.()
      let heapBefore = process.memoryUsage().heapUsed
      let bodies = Array.from({ length: 400 }, () => sampleRecord({ id: consentId() }))
      let answers = await Promise.all(
        bodies.map((body) => {
          let started = Date.now()
          return post(service.url, body).then(async (response) => [response.status, Date.now() - started, (await response.json()).error])
        })
      )
      let slowest = Math.max(...answers.map((answer) => answer[1] as number))
      expect(answers.every((answer) => answer[0] == 503)).toBe(true)
      expect(answers.filter((answer) => /too many records at once/.test(answer[2] as string)).length).toBeGreaterThan(50)
      expect(answers.filter((answer) => /did not answer in time/.test(answer[2] as string)).length).toBeGreaterThan(0)
      // Every answer came while the lock was still held, so none waited for the database: the bound is the 1 s
      // timeout plus what 400 requests cost on two (here shared) cores.
      expect(slowest).toBeLessThan(1000 + 5000)
      expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(64 * 1024 * 1024)
      release()
      await held
      // Timed-out inserts may still land once the lock goes; the retries meet them as duplicates.
      expect(await deliverAll(service.url, bodies)).toBe(0)
      expect(await countRecords(store)).toBe(before + 400)
    } finally {
      release()
      await held.catch(() => {})
      await blocker.close()
      await service.close()
    }
  })
})

describe('a slow embedded store', () => {
  it('answers 503 within the timeout instead of waiting on it', async () => {
    let underTest = await freshPglite()
    let store = await underTest.open()
    let slow: Store = { ...store, query: (sql, params) => new Promise((resolve) => setTimeout(resolve, 1500)).then(() => store.query(sql, params)) as any }
    let service = await startRecordsService({ store: slow, port: 0, timeoutMs: 300, purgeEveryHours: 0 })
    try {
      let started = Date.now()
      let response = await post(service.url, sampleRecord({ id: consentId() }))
      expect(response.status).toBe(503)
      expect(Date.now() - started).toBeLessThan(1200)
      expect((await response.json()).error).toBe('the database did not answer in time; retry later')
    } finally {
      await service.close()
      await new Promise((resolve) => setTimeout(resolve, 1600))
      await store.close()
      await underTest.dispose()
    }
  })
})

describe.each(STORE_KINDS)('the service restarts on %s', (kind) => {
  it('keeps every acknowledged record', async () => {
    let underTest = await freshStore(kind)
    try {
      let bodies = Array.from({ length: 25 }, () => sampleRecord({ id: consentId() }))
      let store = await underTest.open()
      let service = await startRecordsService({ store, port: 0, purgeEveryHours: 0 })
      expect(await deliverAll(service.url, bodies)).toBe(0)
      await service.close()
      await store.close()
      store = await underTest.open()
      await migrate(store)
      service = await startRecordsService({ store, port: 0, purgeEveryHours: 0 })
      expect(await countRecords(store)).toBe(25)
      for (let body of bodies.slice(0, 3)) expect((await post(service.url, body)).status).toBe(200)
      expect((await fetch(`${service.url}/consent-records/${(bodies[0] as any).id}/receipt`)).status).toBe(200)
      await service.close()
      await store.close()
    } finally {
      await underTest.dispose()
    }
  })
})

describe('a purge on the embedded store', () => {
  it('lets records in between its batches instead of holding them until it ends', async () => {
    let underTest = await freshPglite()
    let store = await underTest.open()
    await store.query(
      `INSERT INTO consent_records (id, updated_at, created_at, expires_at, revision, config_hash, method, gpc, mode, region, language, url, categories, services)
       SELECT gen_random_uuid(), t, t, t + interval '180 days', 1, repeat('a', 64), 'custom', false, 'opt-in', 'DE', 'de', 'https://www.example.com/',
              '{"necessary": true}'::jsonb, '{}'::jsonb
       FROM generate_series(1, 20000) AS i, LATERAL (SELECT now() - interval '1000 days' + i * interval '1 second') AS x(t)`
    )
    let service = await startRecordsService({ store, port: 0, purgeEveryHours: 0, retainDays: 30 })
    try {
      let purgeEnded = 0
      let purging = service.handler.purge().then((purged) => ((purgeEnded = Date.now()), purged))
      await new Promise((resolve) => setTimeout(resolve, 20))
      let response = await post(service.url, sampleRecord({ id: consentId() }))
      let answered = Date.now()
      expect(response.status).toBe(201)
      expect(await purging).toBe(20000)
      expect(answered).toBeLessThan(purgeEnded)
    } finally {
      await service.close()
      await store.close()
      await underTest.dispose()
    }
  })
})
