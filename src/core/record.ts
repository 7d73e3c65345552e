import type { Method } from './types.js'

/** A decision's method, or `reset`: forgetting the decision leaves a record too, so a newer reset can be told apart. */
export type StoredMethod = Method | 'reset'

/** What is stored: no personal data, only the decision and its context. */
export interface StoredDecision {
  id: string
  created: number
  updated: number
  /**
   * One more than the highest sequence stored or announced before it, in this browser: decides which of two records is
   * newer, since a clock (or a cookie dated ahead) must not.
   */
  sequence: number
  revision: number
  method: StoredMethod
  gpc: boolean
  /** Granted category ids. Everything else is refused. */
  granted: string[]
  /** Services decided apart from their category. */
  services: Record<string, boolean>
  region: string
  language: string
}

const VERSION = '2'
const CODE = /[^\w-]/g
export const METHODS: StoredMethod[] = ['accept-all', 'reject-all', 'custom', 'api', 'gpc', 'reset']
/** The highest sequence the format holds (ten base-36 digits); a sequence never grows past it. */
export const LAST_SEQUENCE = 36 ** 10 - 1
/**
 * The whole body, field by field: version 2 | UUID v4 | created | updated | sequence (base 36) | revision | method 0-5 |
 * gpc 0/1 | granted ids joined by + | service:0/1 pairs joined by + | region | language. No field can contain "|".
 * Version 1, written before the sequence existed, has no sequence field and still reads back (as sequence 0).
 */
const FORMAT =
  /^[12]\|[\da-f]{8}-[\da-f]{4}-4[\da-f]{3}-[89ab][\da-f]{3}-[\da-f]{12}(\|[\da-z]{1,10}){2,3}\|\d{1,16}\|[0-5]\|[01]\|([A-Za-z][\w-]*(\+[A-Za-z][\w-]*)*)?\|([A-Za-z][\w-]*:[01](\+[A-Za-z][\w-]*:[01])*)?(\|[\w-]*){2}$/

/** FNV-1a: detects hand-edited or truncated values (not an authenticity check: nothing client-side can be). */
function checksum(text: string): string {
  let hash = 2166136261
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 16777619)
  return (hash >>> 0).toString(36)
}

/** `2|id|created|updated|sequence|revision|method|gpc|granted|services|region|language|checksum`, cookie-safe without escaping. */
export function encodeDecision(d: StoredDecision): string {
  let body = [
    VERSION,
    d.id,
    d.created.toString(36),
    d.updated.toString(36),
    d.sequence.toString(36),
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
  let fields = body.split('|')
  // Version 1 has 11 fields, version 2 (with the sequence) 12.
  if (fields.length != 10 + +fields[0]) return null
  if (fields[0] == '1') fields.splice(4, 0, '0')
  let [, id, created, updated, sequence, revision, method, gpc, granted, services, region, language] = fields
  let decision: StoredDecision = {
    id,
    created: parseInt(created, 36),
    updated: parseInt(updated, 36),
    sequence: parseInt(sequence, 36),
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

/**
 * True when record `a` replaces `b` (or there is no `b`); never for the same record, which needs no comparing. The
 * higher sequence is newer. Two tabs deciding at once can share one; then the later time, then the larger stored value
 * wins, so that every tab picks the same record.
 */
export const newer = (a: StoredDecision | null, b: StoredDecision | null): boolean =>
  !!a && a !== b && (!b || (a.sequence - b.sequence || a.updated - b.updated || (encodeDecision(a) > encodeDecision(b) ? 1 : -1)) > 0)

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
