import type { Extension } from '../core/consent.js'
import type { ConsentState, Method, Mode, ResolvedConfig } from '../core/types.js'
import { attempt } from '../core/attempt.js'

/** What charto sends for every decision. No IP address, no user agent, no personal data. */
export interface ConsentRecord {
  /** Random UUID v4 of the visitor's consent (stays the same across their decisions). */
  id: string
  /** First decision. */
  createdAt: string
  /** This decision. */
  updatedAt: string
  expiresAt: string
  revision: number
  /** SHA-256 (hex) of the texts the visitor was shown: see `configHash`. */
  configHash: string
  categories: Record<string, boolean>
  services: Record<string, boolean>
  method: Method
  gpc: boolean
  mode: Mode
  region: string | null
  language: string | null
  /** The page, without query string or fragment. */
  url: string
}

export interface RecordsOptions {
  endpoint: string
  headers?: Record<string, string>
}

type Queued = [record: ConsentRecord, attempts: number, notBefore: number]

const QUEUE = 'charto:records'
export const QUEUE_SIZE = 20
export const MAX_ATTEMPTS = 8

/** Wait before the next try after `attempts` failures: none for the first retry, then 1, 3, 7… minutes, at most a day. */
export const backoff = (attempts: number) => Math.min(6e4 * (2 ** (attempts - 1) - 1), 864e5)

const rotr = (x: number, n: number) => (x >>> n) | (x << (32 - n))

/** SHA-256 of a string's UTF-8 bytes, as hex. Synchronous and independent of secure contexts (crypto.subtle needs one). */
export function sha256(text: string): string {
  let primes: number[] = []
  for (let n = 2; primes.length < 64; n++) if (primes.every((p) => n % p)) primes.push(n)
  let frac = (x: number) => ((x - Math.floor(x)) * 2 ** 32) | 0
  let hash = primes.slice(0, 8).map((p) => frac(p ** 0.5))
  let k = primes.map((p) => frac(p ** (1 / 3)))
  let bytes = new TextEncoder().encode(text)
  let length = bytes.length
  let total = ((length + 8) >> 6) * 16 + 16
  let words: number[] = Array(total).fill(0)
  for (let i = 0; i < length; i++) words[i >> 2] |= bytes[i] << (24 - (i % 4) * 8)
  words[length >> 2] |= 0x80 << (24 - (length % 4) * 8)
  words[total - 2] = (length / 2 ** 29) | 0
  words[total - 1] = length << 3
  for (let j = 0; j < total; j += 16) {
    let w = words.slice(j, j + 16)
    let [a, b, c, d, e, f, g, h] = hash
    for (let i = 0; i < 64; i++) {
      if (i > 15) {
        let x = w[i - 15]
        let y = w[i - 2]
        w[i] = (w[i - 16] + (rotr(x, 7) ^ rotr(x, 18) ^ (x >>> 3)) + w[i - 7] + (rotr(y, 17) ^ rotr(y, 19) ^ (y >>> 10))) | 0
      }
      let t1 = h + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + k[i] + w[i]
      let t2 = (rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))
      h = g
      g = f
      f = e
      e = (d + t1) | 0
      d = c
      c = b
      b = a
      a = (t1 + t2) | 0
    }
    hash = [a, b, c, d, e, f, g, h].map((x, i) => (x + hash[i]) | 0)
  }
  return hash.map((x) => (x >>> 0).toString(16).padStart(8, '0')).join('')
}

/** JSON with sorted keys, without functions, undefined values or `scripts` (code, not wording). */
const stable = (value: any): string =>
  value && typeof value == 'object'
    ? Array.isArray(value)
      ? '[' + value.map(stable) + ']'
      : '{' +
        Object.keys(value)
          .sort()
          .filter((key) => key != 'scripts' && value[key] !== undefined && typeof value[key] != 'function')
          .map((key) => JSON.stringify(key) + ':' + stable(value[key])) +
        '}'
    : JSON.stringify(value) ?? 'null'

/**
 * Hash of the wording a visitor is shown: categories and services (labels, descriptions, providers, cookies, storage),
 * translations and the privacy policy URL. Pass a resolved configuration (`resolveConfig(config)` on a server
 * gives the same hash, so a host can keep each version of its texts by hash).
 */
export const configHash = (config: ResolvedConfig): string =>
  sha256(
    stable({
      categories: config.categories,
      services: config.services,
      translations: config.translations,
      privacyPolicyUrl: config.privacyPolicyUrl
    })
  )

/** The record of a decided state. */
export function toRecord(state: ConsentState, config: ResolvedConfig, hash = configHash(config)): ConsentRecord {
  return {
    id: state.id!,
    createdAt: state.createdAt!,
    updatedAt: state.updatedAt!,
    expiresAt: state.expiresAt!,
    revision: state.revision,
    configHash: hash,
    categories: state.categories,
    services: state.services,
    method: state.method!,
    gpc: state.gpc,
    mode: config.mode,
    region: state.region,
    language: state.language || (typeof document == 'object' && document.documentElement.lang) || null,
    url: typeof location == 'object' ? location.href.split(/[?#]/)[0] : ''
  }
}

const readQueue = (): Queued[] => {
  let queue = attempt(() => JSON.parse(localStorage.getItem(QUEUE) || '[]'))
  return Array.isArray(queue) ? queue.filter((item) => Array.isArray(item) && item[0] && typeof item[0] == 'object') : []
}
const writeQueue = (queue: Queued[]) =>
  attempt(() => (queue.length ? localStorage.setItem(QUEUE, JSON.stringify(queue)) : localStorage.removeItem(QUEUE)))

/**
 * REC-1/REC-2: a record for every decision of this tab (not for decisions arriving from other tabs), given to
 * `config.onRecord(record)` and POSTed as JSON to `config.records.endpoint` with `fetch` keepalive. Failed deliveries
 * wait in a bounded localStorage queue and are retried on a later page load (or when the browser comes online).
 */
export const records: Extension = (manager) => {
  let config = manager.config
  let { endpoint, headers } = (config.records || {}) as Partial<RecordsOptions>
  let onRecord = config.onRecord
  if (typeof endpoint != 'string') endpoint = ''
  if (typeof window == 'undefined' || !(endpoint || typeof onRecord == 'function')) return
  let hash: string | undefined
  let deliver = (record: ConsentRecord, attempts: number) =>
    Promise.resolve()
      .then(() =>
        fetch(endpoint!, {
          method: 'POST',
          keepalive: true,
          headers: { ...headers, 'Content-Type': 'application/json' },
          body: JSON.stringify(record)
        })
      )
      .then((response) => {
        // The answer may have carried `Clear-Site-Data`, which removes the consent cookie with the others: it goes back.
        manager.sync()
        if (!response.ok) throw response.status
      })
      .catch(() => {
        if (++attempts < MAX_ATTEMPTS) writeQueue([...readQueue(), [record, attempts, Date.now() + backoff(attempts)] as Queued].slice(-QUEUE_SIZE))
      })
  let flush = () => {
    let now = Date.now()
    let queue = readQueue()
    let due = queue.filter((item) => !(item[2] > now))
    writeQueue(queue.filter((item) => item[2] > now))
    for (let [record, attempts] of due) deliver(record, attempts | 0)
  }
  if (endpoint) {
    flush()
    addEventListener('online', flush)
  }
  let off = manager.on('change', ({ consent, remote }) => {
    if (remote || !consent.decided) return
    let record = toRecord(consent, config, (hash = hash || configHash(config)))
    if (typeof onRecord == 'function') attempt(() => Promise.resolve(onRecord(record)).catch(() => {}))
    if (endpoint) deliver(record, 0)
  })
  return () => {
    off()
    removeEventListener('online', flush)
  }
}

export interface ReceiptOptions {
  /** The controller as Kantara lists it: `{ piiController, contact, address, email, phone, piiControllerUrl }`. */
  controller?: Record<string, unknown>
  policyUrl?: string
  jurisdiction?: string
  /** The configuration, for category and service labels and each service's category. */
  config?: Pick<ResolvedConfig, 'categories' | 'services'>
}

/**
 * A record in the Kantara Initiative Consent Receipt v1.1 shape: one service entry per granted category or service.
 * `consentReceiptID` is the consent id plus this decision's time, so the same record always gives the same receipt.
 */
export function toReceipt(record: ConsentRecord, options: ReceiptOptions = {}) {
  let { controller = {}, config } = options
  let time = Date.parse(record.updatedAt)
  let entry = (id: string, category: string) => ({
    service: (config && (config.services[id] || config.categories[id] || {}).label) || id,
    purposes: [
      {
        purpose: (config && config.categories[category]?.label) || category,
        purposeCategory: [category],
        consentType: category == 'necessary' ? 'NOT REQUIRED' : record.mode == 'opt-in' ? 'EXPLICIT' : 'IMPLICIT',
        piiCategory: ['Online identifiers (cookies and similar storage)'],
        primaryPurpose: category == 'necessary',
        termination: `Until ${record.expiresAt} or withdrawal in the site's cookie settings`,
        thirdPartyDisclosure: false
      }
    ]
  })
  let granted = (choices: Record<string, boolean>) => Object.keys(choices).filter((id) => choices[id])
  return {
    version: 'KI-CR-v1.1.0',
    jurisdiction: options.jurisdiction || record.region || '',
    consentTimestamp: Math.floor(time / 1000),
    collectionMethod: record.method,
    consentReceiptID: record.id + '.' + time.toString(36),
    language: record.language || undefined,
    piiPrincipalId: record.id,
    piiControllers: [controller],
    policyUrl: options.policyUrl || record.url,
    services: [
      ...granted(record.categories).map((id) => entry(id, id)),
      ...granted(record.services).map((id) => entry(id, (config && config.services[id]?.category) || 'service'))
    ],
    sensitive: false,
    spiCat: [] as string[]
  }
}
