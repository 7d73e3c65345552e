import type { Method } from './types.js'

/** What is stored: no personal data, only the decision and its context. */
export interface StoredDecision {
  id: string
  created: number
  updated: number
  revision: number
  method: Method
  gpc: boolean
  /** Granted category ids. Everything else is refused. */
  granted: string[]
  /** Services decided apart from their category. */
  services: Record<string, boolean>
  region: string
  language: string
}

const VERSION = '1'
const METHODS: Method[] = ['accept-all', 'reject-all', 'custom', 'api', 'gpc']
const UUID = /^[\da-f]{8}-[\da-f]{4}-4[\da-f]{3}-[89ab][\da-f]{3}-[\da-f]{12}$/
const IDS = /^([A-Za-z][\w-]*(\+[A-Za-z][\w-]*)*)?$/
const SERVICES = /^([A-Za-z][\w-]*:[01](\+[A-Za-z][\w-]*:[01])*)?$/
const TAG = /^[\w-]{0,35}$/
const TIME = /^[\da-z]{1,10}$/

/** FNV-1a: detects hand-edited or truncated values (not an authenticity check: nothing client-side can be). */
function checksum(text: string): string {
  let hash = 2166136261
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 16777619)
  return (hash >>> 0).toString(36)
}

/** `1|id|created|updated|revision|method|gpc|granted|services|region|language|checksum`, cookie-safe without escaping. */
export function encodeDecision(d: StoredDecision): string {
  let body = [
    VERSION,
    d.id,
    d.created.toString(36),
    d.updated.toString(36),
    d.revision,
    METHODS.indexOf(d.method),
    +d.gpc,
    d.granted.join('+'),
    Object.keys(d.services).map((id) => id + ':' + +d.services[id]).join('+'),
    d.region,
    d.language
  ].join('|')
  return body + '|' + checksum(body)
}

/** Returns the decision, or null for anything that is not exactly what encodeDecision writes. Never throws. */
export function decodeDecision(value: unknown): StoredDecision | null {
  if (typeof value !== 'string' || value.length > 4096) return null
  let fields = value.split('|')
  let sum = fields.pop()
  let [version, id, created, updated, revision, method, gpc, granted, services, region, language] = fields
  if (
    fields.length !== 11 ||
    version !== VERSION ||
    sum !== checksum(fields.join('|')) ||
    !UUID.test(id) ||
    !TIME.test(created) ||
    !TIME.test(updated) ||
    !/^\d{1,9}$/.test(revision) ||
    !/^[0-4]$/.test(method) ||
    !/^[01]$/.test(gpc) ||
    !IDS.test(granted) ||
    !SERVICES.test(services) ||
    !TAG.test(region) ||
    !TAG.test(language)
  ) {
    return null
  }
  let decision: StoredDecision = {
    id,
    created: parseInt(created, 36),
    updated: parseInt(updated, 36),
    revision: +revision,
    method: METHODS[+method],
    gpc: gpc === '1',
    granted: granted ? granted.split('+') : [],
    services: {},
    region,
    language
  }
  for (let pair of services ? services.split('+') : []) {
    let [service, on] = pair.split(':')
    decision.services[service] = on === '1'
  }
  return decision.created <= decision.updated ? decision : null
}

/** UUID v4 from getRandomValues, which unlike randomUUID also works outside secure contexts. */
export function uuid(): string {
  let bytes = new Uint8Array(16)
  let crypto = globalThis.crypto
  if (crypto && crypto.getRandomValues) crypto.getRandomValues(bytes)
  else for (let i = 0; i < 16; i++) bytes[i] = (Math.random() * 256) | 0
  bytes[6] = (bytes[6] & 15) | 64
  bytes[8] = (bytes[8] & 63) | 128
  let hex = Array.from(bytes, (b) => (b + 256).toString(16).slice(1)).join('')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}
