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
const CODE = /[^\w-]/g
const METHODS: Method[] = ['accept-all', 'reject-all', 'custom', 'api', 'gpc']
/**
 * The whole body, field by field: version 1 | UUID v4 | created | updated (base 36) | revision | method 0-4 | gpc 0/1 |
 * granted ids joined by + | service:0/1 pairs joined by + | region | language. No field can contain "|".
 * The leading 1 is VERSION.
 */
const FORMAT =
  /^1\|[\da-f]{8}-[\da-f]{4}-4[\da-f]{3}-[89ab][\da-f]{3}-[\da-f]{12}(\|[\da-z]{1,10}){2}\|\d{1,16}\|[0-4]\|[01]\|([A-Za-z][\w-]*(\+[A-Za-z][\w-]*)*)?\|([A-Za-z][\w-]*:[01](\+[A-Za-z][\w-]*:[01])*)?(\|[\w-]*){2}$/

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
    // Any code the host passes (a geo header value, a language tag) must read back: only [\w-] is kept.
    d.region.replace(CODE, ''),
    d.language.replace(CODE, '')
  ].join('|')
  return body + '|' + checksum(body)
}

/** Returns the decision, or null for anything that is not exactly what encodeDecision writes. Never throws. */
export function decodeDecision(value: unknown): StoredDecision | null {
  if (typeof value !== 'string' || value.length > 65536) return null
  let at = value.lastIndexOf('|')
  let body = value.slice(0, at)
  if (!FORMAT.test(body) || value.slice(at + 1) !== checksum(body)) return null
  let [, id, created, updated, revision, method, gpc, granted, services, region, language] = body.split('|')
  let decision: StoredDecision = {
    id,
    created: parseInt(created, 36),
    updated: parseInt(updated, 36),
    revision: +revision,
    method: METHODS[+method],
    gpc: gpc == '1',
    granted: granted ? granted.split('+') : [],
    services: {},
    region,
    language
  }
  for (let pair of services ? services.split('+') : []) {
    let [service, on] = pair.split(':')
    decision.services[service] = on == '1'
  }
  // A revision past the safe integers would not be written back the same: such a record is no decision.
  return decision.created <= decision.updated && Number.isSafeInteger(decision.revision) ? decision : null
}

/** UUID v4 from getRandomValues, which unlike randomUUID also works outside secure contexts. */
export function uuid(): string {
  let bytes = new Uint8Array(16)
  let crypto = globalThis.crypto
  if (crypto && crypto.getRandomValues) crypto.getRandomValues(bytes)
  else for (let i = 0; i < 16; i++) bytes[i] = (Math.random() * 256) | 0
  bytes[6] = (bytes[6] & 15) | 64
  bytes[8] = (bytes[8] & 63) | 128
  return Array.from(bytes, (b) => (b + 256).toString(16).slice(1))
    .join('')
    .replace(/(.{8})(.{4})(.{4})(.{4})/, '$1-$2-$3-$4-')
}
