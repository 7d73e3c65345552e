// The records service over HTTP. It reads the method, the path and the headers it needs (Content-Type, Origin,
// Authorization, Accept) and nothing else: no IP address, user agent, cookie or query string is stored or logged.
import { createHash, timingSafeEqual } from 'node:crypto'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { ConsentRecord, ReceiptOptions } from '../signals/records.js'
import { DASHBOARD_CSP, DASHBOARD_PAGE, dashboardAsset } from './dashboard.js'
import { EXPORT_FORMATS, writeExport, type ExportFormat } from './export.js'
import { createBatcher } from './batch.js'
import { eraseChain, findChain, purgeExpired, type TimeRange } from './repository.js'
import { missingReceiptPage, RECEIPT_CSP, receiptOf, receiptPage } from './receipt.js'
import { readStats } from './stats.js'
import type { Store } from './store.js'
import { isConsentId, MAX_RECORD_BYTES, validateRecord } from './validate.js'

export interface RecordsServiceOptions {
  store: Store
  /** Origins whose pages may send records (`https://www.example.com`). Empty: any origin. */
  origins?: string[]
  /** Bearer token for /admin (export, stats, erasure, purge, dashboard data). Without it /admin refuses everything. */
  token?: string
  /** Days a record is kept after its decision expired (default 365). */
  retainDays?: number
  /** Hours between scheduled purges (default 24; 0 turns the schedule off). The first runs at start. */
  purgeEveryHours?: number
  /** Longest a request waits for the database before it is answered 503 (default 5000 ms). */
  timeoutMs?: number
  /** Records being stored at once; beyond it new ones are answered 503 at once, so memory stays bounded (default 256). */
  maxPending?: number
  /** Controller, policy URL and labels for receipts. */
  receipt?: ReceiptOptions
  /** Receives one access-log line per request: time, method, route (ids and query left out), status, duration. */
  log?: (line: string) => void
  /** Receives failures worth an operator's attention (a failed scheduled purge); default: none. */
  onError?: (error: Error) => void
}

export const DEFAULT_RETAIN_DAYS = 365

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly headers: Record<string, string> = {}
  ) {
    super(message)
  }
}

const unavailable = (message: string) => new HttpError(503, message, { 'retry-after': '10' })

const RECEIPT = /^\/consent-records\/([^/]+)\/receipt$/
const ERASE = /^\/admin\/consent-records\/([^/]+)$/
const BASE_HEADERS = { 'cache-control': 'no-store', 'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer' }

/** `YYYY-MM-DD` (midnight UTC) or a full ISO time; `fallback` when absent. */
export function parseTime(value: string | null | undefined, name: string, fallback: Date): Date {
  if (value === null || value === undefined || value === '') return fallback
  let time = new Date(/^\d{4}-\d\d-\d\d$/.test(value) ? value + 'T00:00:00Z' : value)
  if (!/^\d{4}-\d\d-\d\d/.test(value) || Number.isNaN(time.getTime())) throw new HttpError(400, `${name} must be a date (YYYY-MM-DD) or an ISO time, got "${value}"`)
  return time
}

/** The whole history when no range is given: from 1970 to a day from now. */
export const fullRange = (): TimeRange => ({ from: new Date(0), to: new Date(Date.now() + 864e5) })

export interface RecordsHandler {
  (request: IncomingMessage, response: ServerResponse): void
  /** Runs the retention purge now; resolves to the number of records deleted. */
  purge(): Promise<number>
  /** Stops the purge schedule. */
  stop(): void
}

/** The request handler, for mounting on your own `http.Server`; `startRecordsService` wraps it in one. */
export function createRecordsHandler(options: RecordsServiceOptions): RecordsHandler {
  let { store, origins = [], log, onError = () => {} } = options
  let retainDays = options.retainDays ?? DEFAULT_RETAIN_DAYS
  let timeoutMs = options.timeoutMs ?? 5000
  let maxPending = options.maxPending ?? 256
  let tokenDigest = options.token ? createHash('sha256').update(options.token).digest() : null
  let pending = 0
  let batcher = createBatcher(store, { concurrency: store.kind == 'pglite' ? 1 : 4 })

  /** The database's answer, or a 503 after `timeoutMs`; a failure to reach it is a 503 too, never a 500 with details. */
  let database = async <T>(work: () => Promise<T>): Promise<T> => {
    let timer: NodeJS.Timeout | undefined
    try {
      return await Promise.race([
        work(),
        new Promise<never>((_resolve, reject) => {
          timer = setTimeout(() => reject(unavailable('the database did not answer in time; retry later')), timeoutMs)
        })
      ])
    } catch (error) {
      if (error instanceof HttpError) throw error
      throw unavailable('the database is unavailable; retry later')
    } finally {
      clearTimeout(timer)
    }
  }

  let corsHeaders = (request: IncomingMessage): Record<string, string> => {
    let origin = request.headers.origin
    if (!origins.length) return { 'access-control-allow-origin': '*' }
    return origin && origins.includes(origin) ? { 'access-control-allow-origin': origin, vary: 'Origin' } : { vary: 'Origin' }
  }
  let checkOrigin = (request: IncomingMessage) => {
    let origin = request.headers.origin
    if (origin && origins.length && !origins.includes(origin)) throw new HttpError(403, `records from ${origin} are not accepted: it is not in the service's allowed origins`)
  }
  let checkToken = (request: IncomingMessage) => {
    if (!tokenDigest) throw new HttpError(403, 'the privacy team access is off: start the service with CHARTO_RECORDS_TOKEN set')
    let match = /^Bearer (.+)$/.exec(request.headers.authorization || '')
    // Digests of equal length, compared in constant time: the answer's timing says nothing about the token.
    if (!match || !timingSafeEqual(createHash('sha256').update(match[1]).digest(), tokenDigest)) {
      throw new HttpError(401, 'send Authorization: Bearer <CHARTO_RECORDS_TOKEN>', { 'www-authenticate': 'Bearer' })
    }
  }

  let readBody = async (request: IncomingMessage): Promise<string> => {
    if (Number(request.headers['content-length']) > MAX_RECORD_BYTES) throw new HttpError(413, `a record is at most ${MAX_RECORD_BYTES} bytes`, { connection: 'close' })
    let size = 0
    let chunks: Buffer[] = []
    for await (let chunk of request) {
      size += (chunk as Buffer).length
      if (size > MAX_RECORD_BYTES) throw new HttpError(413, `a record is at most ${MAX_RECORD_BYTES} bytes`, { connection: 'close' })
      chunks.push(chunk as Buffer)
    }
    return Buffer.concat(chunks).toString('utf8')
  }

  let ingest = async (request: IncomingMessage): Promise<[number, object]> => {
    checkOrigin(request)
    if (!/^application\/json\s*(;|$)/i.test(request.headers['content-type'] || '')) throw new HttpError(415, 'send the record with Content-Type: application/json')
    if (pending >= maxPending) throw unavailable('too many records at once; retry later')
    pending++
    try {
      let text = await readBody(request)
      let body: unknown
      try {
        body = JSON.parse(text)
      } catch {
        throw new HttpError(400, 'the body is not valid JSON', {})
      }
      let problems = validateRecord(body)
      if (problems.length) return [400, { error: 'not a consent record', problems }]
      let stored = await database(() => batcher.add(body as ConsentRecord))
      return stored ? [201, { stored: true }] : [200, { stored: false, duplicate: true }]
    } finally {
      pending--
    }
  }

  let receipt = async (request: IncomingMessage, response: ServerResponse, id: string, route: { status: number }) => {
    let chain = isConsentId(id) ? await database(() => findChain(store, id)) : []
    let query = new URL(request.url || '/', 'http://service').searchParams.get('format')
    let html = query != 'json' && /\btext\/html\b/.test(request.headers.accept || '')
    let headers = { ...BASE_HEADERS, ...corsHeaders(request), 'x-robots-tag': 'noindex', vary: 'Accept, Origin' }
    if (!chain.length) {
      let message = 'There is no consent record with this id: it may have been erased or have expired.'
      if (!html) throw new HttpError(404, message)
      route.status = 404
      response.writeHead(404, { ...headers, 'content-type': 'text/html; charset=utf-8', 'content-security-policy': RECEIPT_CSP })
      return response.end(missingReceiptPage(message))
    }
    route.status = 200
    if (html) response.writeHead(200, { ...headers, 'content-type': 'text/html; charset=utf-8', 'content-security-policy': RECEIPT_CSP })
    else response.writeHead(200, { ...headers, 'content-type': 'application/json; charset=utf-8' })
    response.end(html ? receiptPage(chain, options.receipt) : JSON.stringify(receiptOf(chain, options.receipt), null, 2))
  }

  let exportRecords = async (request: IncomingMessage, response: ServerResponse) => {
    let query = new URL(request.url || '/', 'http://service').searchParams
    let format = (query.get('format') || 'jsonl') as ExportFormat
    if (!EXPORT_FORMATS.includes(format)) throw new HttpError(400, `format must be jsonl or csv, got "${format}"`)
    let whole = fullRange()
    let range = { from: parseTime(query.get('from'), 'from', whole.from), to: parseTime(query.get('to'), 'to', whole.to) }
    // The first page proves the database answers before the 200 goes out; later failures cut the stream short.
    await database(() => store.query('SELECT 1'))
    response.writeHead(200, {
      ...BASE_HEADERS,
      'content-type': format == 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8',
      'content-disposition': `attachment; filename="consent-records.${format}"`
    })
    try {
      await writeExport(store, range, format, response)
      response.end()
    } catch {
      response.destroy()
    }
  }

  // Smaller batches on PGlite, which runs on this thread: each batch holds the event loop while it deletes.
  let purge = () => purgeExpired(store, { retainDays, batchSize: store.kind == 'pglite' ? 1000 : 5000 })
  let purging: Promise<number> | null = null
  let scheduledPurge = () => {
    purging ||= purge()
      .catch((error) => (onError(error), 0))
      .finally(() => (purging = null))
    return purging
  }
  let hours = options.purgeEveryHours ?? 24
  let schedule = hours > 0 ? setInterval(scheduledPurge, hours * 36e5) : undefined
  schedule?.unref()
  if (schedule) setImmediate(scheduledPurge)

  let route = async (request: IncomingMessage, response: ServerResponse, state: { route: string; status: number }) => {
    let path = new URL(request.url || '/', 'http://service').pathname
    let method = request.method || 'GET'
    let send = (status: number, body?: object, headers: Record<string, string> = {}) => {
      state.status = status
      response.writeHead(status, body ? { ...BASE_HEADERS, ...headers, 'content-type': 'application/json; charset=utf-8' } : { ...BASE_HEADERS, ...headers })
      response.end(body && JSON.stringify(body))
    }
    let receiptMatch = RECEIPT.exec(path)
    let eraseMatch = ERASE.exec(path)
    state.route = receiptMatch ? '/consent-records/:id/receipt' : eraseMatch ? '/admin/consent-records/:id' : path.length < 40 ? path : 'other'
    try {
      if (path == '/consent-records') {
        if (method == 'OPTIONS') {
          checkOrigin(request)
          return send(204, undefined, {
            ...corsHeaders(request),
            'access-control-allow-methods': 'POST',
            'access-control-allow-headers': String(request.headers['access-control-request-headers'] || 'content-type').slice(0, 500),
            'access-control-max-age': '86400'
          })
        }
        if (method != 'POST') throw new HttpError(405, 'POST one consent record here', { allow: 'POST, OPTIONS' })
        let [status, body] = await ingest(request).catch((error) => {
          throw Object.assign(error, { cors: corsHeaders(request) })
        })
        return send(status, body, corsHeaders(request))
      }
      if (receiptMatch) {
        if (method != 'GET' && method != 'HEAD') throw new HttpError(405, 'GET a receipt', { allow: 'GET' })
        return await receipt(request, response, receiptMatch[1], state)
      }
      if (path == '/health') {
        await database(() => store.query('SELECT 1'))
        return send(200, { ok: true, store: store.kind })
      }
      if (path == '/admin') return send(308, undefined, { location: '/admin/' })
      if (path == '/admin/') {
        state.status = 200
        response.writeHead(200, { ...BASE_HEADERS, 'content-type': 'text/html; charset=utf-8', 'content-security-policy': DASHBOARD_CSP })
        return response.end(DASHBOARD_PAGE)
      }
      let asset = await dashboardAsset(path)
      if (asset) {
        state.status = 200
        response.writeHead(200, { ...BASE_HEADERS, 'content-type': asset.type })
        return response.end(asset.body)
      }
      if (path == '/admin/export' || path == '/admin/stats' || path == '/admin/purge' || eraseMatch) {
        checkToken(request)
        if (path == '/admin/export' && method == 'GET') return await exportRecords(request, response).then(() => (state.status = 200))
        if (path == '/admin/stats' && method == 'GET') {
          let query = new URL(request.url || '/', 'http://service').searchParams
          let to = parseTime(query.get('to'), 'to', new Date(Date.now() + 864e5))
          let from = parseTime(query.get('from'), 'from', new Date(to.getTime() - 31 * 864e5))
          return send(200, await database(() => readStats(store, { from, to })))
        }
        if (path == '/admin/purge' && method == 'POST') return send(200, { purged: await purge(), retainDays })
        if (eraseMatch && method == 'DELETE') {
          if (!isConsentId(eraseMatch[1])) throw new HttpError(400, 'a consent id is a UUID v4 in lower case')
          return send(200, { erased: await database(() => eraseChain(store, eraseMatch![1])) })
        }
        throw new HttpError(405, `${method} is not used on ${path}`)
      }
      throw new HttpError(404, 'not found')
    } catch (error) {
      if (response.headersSent) return response.destroy()
      let known = error instanceof HttpError ? error : unavailable('the service could not answer; retry later')
      if (!(error instanceof HttpError)) onError(error as Error)
      send(known.status, { error: known.message }, { ...(error as { cors?: Record<string, string> }).cors, ...known.headers })
      // An oversized body is not read to its end: close the connection rather than drain it.
      if (known.status == 413) request.destroy()
    }
  }

  let handler = ((request: IncomingMessage, response: ServerResponse) => {
    let started = performance.now()
    let state = { route: 'other', status: 500 }
    route(request, response, state).finally(() => {
      log?.(`${new Date().toISOString()} ${request.method} ${state.route} ${state.status} ${Math.round(performance.now() - started)}ms`)
    })
  }) as RecordsHandler
  handler.purge = purge
  handler.stop = () => clearInterval(schedule)
  return handler
}

export interface RunningService {
  /** `http://host:port` */
  url: string
  server: Server
  handler: RecordsHandler
  /** Stops listening and the purge schedule. The store stays open: it is the caller's. */
  close(): Promise<void>
}

/** Listens on `host` (default 127.0.0.1) and `port` (default 8787; 0 picks a free one). */
export async function startRecordsService(options: RecordsServiceOptions & { host?: string; port?: number }): Promise<RunningService> {
  let handler = createRecordsHandler(options)
  let server = createServer({ requestTimeout: 30_000, headersTimeout: 10_000 }, handler)
  // A malformed request gets a bare 400; Node's default would be the same, but never a log line with the peer.
  server.on('clientError', (_error, socket) => socket.writable && socket.end('HTTP/1.1 400 Bad Request\r\nconnection: close\r\n\r\n'))
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 8787, options.host ?? '127.0.0.1', () => resolve())
  })
  let address = server.address() as AddressInfo
  let host = address.family == 'IPv6' ? `[${address.address}]` : address.address
  return {
    url: `http://${host}:${address.port}`,
    server,
    handler,
    close: () =>
      new Promise<void>((resolve) => {
        handler.stop()
        server.close(() => resolve())
        server.closeAllConnections()
      })
  }
}
