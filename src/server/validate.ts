import type { ConsentRecord } from '../signals/records.js'
import type { Method } from '../core/types.js'

/** The largest body a record needs: a site with a couple of hundred services stays far below it. */
export const MAX_RECORD_BYTES = 16 * 1024

export const METHODS: readonly Method[] = ['accept-all', 'reject-all', 'custom', 'api', 'gpc']
const UUID = /^[\da-f]{8}-[\da-f]{4}-4[\da-f]{3}-[89ab][\da-f]{3}-[\da-f]{12}$/
const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,3})?Z$/
const CHOICE_ID = /^[A-Za-z][\w-]*$/
/** The fields of `ConsentRecord`, and nothing else: an IP address or a user agent sent along is refused, not dropped. */
const FIELDS: readonly (keyof ConsentRecord)[] = [
  'id',
  'createdAt',
  'updatedAt',
  'expiresAt',
  'revision',
  'configHash',
  'categories',
  'services',
  'method',
  'gpc',
  'mode',
  'region',
  'language',
  'url'
]

export const isConsentId = (value: unknown): value is string => typeof value == 'string' && UUID.test(value)

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  !!value && typeof value == 'object' && !Array.isArray(value)
const isChoices = (value: unknown) =>
  isPlainObject(value) &&
  Object.keys(value).length <= 200 &&
  Object.keys(value).every((key) => CHOICE_ID.test(key) && typeof value[key] == 'boolean')
const isShortTextOrNull = (value: unknown, max: number) => value === null || (typeof value == 'string' && value.length <= max)
/** A real UTC time: Date.parse would take 2026-11-31 as December 1st, so the parsed date must read back the same. */
const isTimestamp = (value: unknown) =>
  typeof value == 'string' && ISO.test(value) && !Number.isNaN(Date.parse(value)) && new Date(value).toISOString().slice(0, 19) == value.slice(0, 19)

/**
 * Checks a parsed body against the record the SDK sends (`toRecord` in src/signals/records.ts). Returns one line per
 * problem, each starting with the field it is about; an empty list means the body is a valid record.
 */
export function validateRecord(body: unknown): string[] {
  if (!isPlainObject(body)) return ['the body must be a JSON object']
  let record = body as Record<string, unknown>
  let problems: string[] = []
  let check = (ok: boolean, field: string, message: string) => ok || problems.push(`${field}: ${message}`)
  for (let key of Object.keys(record)) check((FIELDS as string[]).includes(key), key, 'is not a record field')
  check(isConsentId(record.id), 'id', 'must be a UUID v4 in lower case')
  for (let key of ['createdAt', 'updatedAt', 'expiresAt']) check(isTimestamp(record[key]), key, 'must be an ISO timestamp in UTC')
  check(!((record.createdAt as string) > (record.updatedAt as string)), 'createdAt', 'must not be after updatedAt')
  check(Number.isInteger(record.revision) && (record.revision as number) >= 0 && (record.revision as number) < 2 ** 31, 'revision', 'must be a whole number ≥ 0')
  check(typeof record.configHash == 'string' && /^[\da-f]{64}$/.test(record.configHash), 'configHash', 'must be a SHA-256 hex digest')
  check(isChoices(record.categories) && (record.categories as Record<string, unknown>).necessary === true, 'categories', 'must map category ids to true or false, with necessary true')
  check(isChoices(record.services), 'services', 'must map service ids to true or false')
  check(METHODS.includes(record.method as Method), 'method', `must be one of ${METHODS.join(', ')}`)
  check(typeof record.gpc == 'boolean', 'gpc', 'must be true or false')
  check(record.mode === 'opt-in' || record.mode === 'opt-out', 'mode', 'must be opt-in or opt-out')
  check(isShortTextOrNull(record.region, 10), 'region', 'must be a region code or null')
  check(isShortTextOrNull(record.language, 35), 'language', 'must be a language tag or null')
  check(
    typeof record.url == 'string' && record.url.length <= 2048 && /^https?:\/\/[^?#\s]+$/.test(record.url),
    'url',
    'must be an http(s) URL without query string or fragment'
  )
  return problems
}
