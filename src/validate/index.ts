// The full configuration validator: every problem, each with its path, a message and a hint. Used by
// `npx charto validate` and by the development builds (dist/charto.dev.global.js, the `development` export
// condition); the builds visitors download run the compact check instead (core/check.ts), which walks the same rules
// and so accepts and rejects exactly the same configurations.
import { walkConfig, knownIds, type Known } from '../core/check.js'
import { attempt } from '../core/attempt.js'
import { REGEX_STRING } from '../core/pattern.js'
import { SCHEMA } from '../schema.js'
import { hintFor } from './hints.js'

export interface Problem {
  path: string
  message: string
}

/** A value for an error message; JSON.stringify throws on BigInt and cycles. */
const quote = (value: unknown) => attempt(() => JSON.stringify(value)) || typeof value
const quoteAll = (values: readonly unknown[] = []) => values.map(quote).join(', ')

type Message = (value: any, allowed: readonly unknown[] | undefined, known: Known) => string

const patternMessage: Message = (value) =>
  typeof value == 'string' && value
    ? `${quote(value)} is not a valid pattern; write a regular expression between slashes, e.g. "/^_ga/"`
    : 'must be a name or a "/regex/"'
/** A cookie is first a pattern (a name or a "/regex/"), and a name must be one a browser can set. */
const cookieMessage: Message = (value, allowed, known) =>
  typeof value == 'string' && value && !REGEX_STRING.test(value)
    ? 'must be a cookie name without spaces, "=", ";" or ",", or a "/regex/"'
    : patternMessage(value, allowed, known)

/** What each kind of problem means, for the kinds the walk reports (core/check.ts). */
const MESSAGES: Record<string, Message> = {
  config: () => 'must be an object',
  object: () => 'must be an object',
  array: () => 'must be an array',
  either: (_, keys = []) => `must be true or { ${keys.filter((key) => key != '|').join(', ')} }`,
  oneOf: (_, allowed) => `must be one of ${quoteAll(allowed)}`,
  listOf: (_, allowed) => `must be a list of ${quoteAll(allowed)}`,
  string: () => 'must be a string',
  boolean: () => 'must be a boolean',
  function: () => 'must be a function; strings are never evaluated',
  count: () => `must be a whole number from 0 to ${Number.MAX_SAFE_INTEGER}`,
  days: () => 'must be a number of days from 1 to 3650',
  cookieName: () => 'must be a cookie name without spaces, "=", ";" or ","',
  cookie: cookieMessage,
  pattern: patternMessage,
  names: patternMessage,
  cookies: (item, allowed, known) => (item && typeof item == 'object' && !Array.isArray(item) ? 'needs a "name"' : cookieMessage(item, allowed, known)),
  scripts: () => 'must be a URL pattern or { "src": "https://…" }',
  path: () => 'must start with "/"',
  attrs: () => 'must be an object of attribute names and string values',
  url: () => 'must be a URL',
  region: () => 'must be a region code such as "DE" or "US-CA", or a function returning one',
  regionList: () => 'must be a list of region codes such as ["US-CA", "DE"]',
  ms: () => 'must be a number of milliseconds ≥ 0',
  category: (_, __, known) => `must name a category (${Object.keys(known.categories).join(', ')})`,
  grantable: (_, __, known) => `must name a category or a service (${Object.keys(known.categories).concat(Object.keys(known.services))})`
}

/** Kinds of problem whose message stands alone, without the value found. */
const WITHOUT_VALUE: Record<string, Message> = {
  unknown: (_, keys = []) => `is not an option here; known: ${keys.join(', ')}`,
  id: () => 'id must start with a letter and contain only letters, digits, "_" and "-"',
  regionKey: () => 'must be "EU", "default", a country code such as "DE" or a subdivision such as "US-CA", in capitals',
  necessary: () => 'necessary is always required; remove this line',
  collision: (id) => `"${id}" is already a category id; give the service its own id`
}

/** Every problem of a configuration, in order; none for a valid one. */
export function validateConfig(config: unknown): Problem[] {
  let problems: Problem[] = []
  let known = knownIds(config)
  walkConfig(config, SCHEMA, known, (path, kind, value, allowed) => {
    let alone = WITHOUT_VALUE[kind]
    problems.push({ path, message: alone ? alone(value, allowed, known) : `${MESSAGES[kind](value, allowed, known)}, got ${quote(value)}` })
  })
  return problems
}

/** The error a development build throws: every problem with its hint, and the list as `error.problems`. */
export function invalidConfiguration(config: unknown, problems: Problem[]): Error {
  let lines = problems.map(({ path, message }) => `  ${path}: ${message}\n    hint: ${hintFor(path, message, (config || {}) as Record<string, any>)}`)
  return Object.assign(new Error('charto: invalid configuration\n' + lines.join('\n')), { problems })
}
