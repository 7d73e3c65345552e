import type { ChartoConfig, ResolvedConfig } from './types.js'
import { REGEX_STRING } from './pattern.js'
import { has, ID, isObject } from './has.js'
import { attempt } from './attempt.js'
import { SCHEMA, type Rule } from './schema.js'

export const NECESSARY = 'necessary'
/** A country (`DE`) or subdivision (`US-CA`) code; `regions` keys may also be `EU` and `default`. */
export const REGION_CODE = /^[A-Z]{2}(-[A-Z\d]{1,3})?$/
/** Every top-level option, including those the optional modules read. */
export const OPTIONS = /* @__PURE__ */ Object.keys(SCHEMA)

type Check = (value: any) => string | false | void

/** A value for an error message; JSON.stringify throws on BigInt and cycles. */
const quote = (value: unknown) => attempt(() => JSON.stringify(value)) || typeof value
/** A copy of the object's own keys in an object without prototype, which inherits nothing. */
const withoutPrototype = <T extends object>(object: T): T => Object.assign(Object.create(null), object)
/**
 * A frozen copy of a configuration value: plain objects and lists are copied and frozen all the way down, so that no
 * module can talk to another by writing into the configuration, and the host's own objects are never frozen. Anything
 * else (a host's callback) is kept as it is. A cycle maps to its copy.
 */
const frozenCopy = <T>(value: T, copies = new Map<object, object>()): T => {
  if (!value || typeof value != 'object') return value
  let prototype = Object.getPrototypeOf(value)
  let isList = Array.isArray(value)
  if (!isList && prototype != Object.prototype && prototype != null) return value
  let copy = copies.get(value)
  if (!copy) {
    copies.set(value, (copy = isList ? [] : Object.create(prototype)))
    for (let key of Object.keys(value)) (copy as any)[key] = frozenCopy((value as any)[key], copies)
    Object.freeze(copy)
  }
  return copy as T
}
const typed = (type: string, hint = ''): Check => (value) => typeof value !== type && `must be a ${type}${hint}`
const badPattern: Check = (name) => {
  if (typeof name !== 'string' || !name) return 'must be a name or a "/regex/"'
  let re = REGEX_STRING.exec(name)
  if (re && !attempt(() => new RegExp(re[1], re[2]))) {
    return `${quote(name)} is not a valid pattern; write a regular expression between slashes, e.g. "/^_ga/"`
  }
}

/** `googleConsentMode` as an object: each Consent Mode key maps to a category or service id. */
export const CONSENT_MODE_KEYS = [
  'ad_storage',
  'ad_user_data',
  'ad_personalization',
  'analytics_storage',
  'functionality_storage',
  'personalization_storage',
  'security_storage'
]
const CONSENT_MODE: Rule = {
  mapping: /* @__PURE__ */ Object.fromEntries(CONSENT_MODE_KEYS.map((key) => [key, 'grantable'])),
  waitForUpdate: 'ms',
  region: 'regionList',
  adsDataRedaction: 'boolean',
  urlPassthrough: 'boolean'
}

const COOKIE_NAME = /^[\w!#$%&'*+.^`|~-]+$/
/** A declared cookie: a "/regex/", or a name a browser can actually set (no spaces, line breaks, "=", ";" or ","). */
const badCookie: Check = (name) =>
  badPattern(name) || (!REGEX_STRING.test(name) && !COOKIE_NAME.test(name) && 'must be a cookie name without spaces, "=", ";" or ",", or a "/regex/"')

/** Checks for the leaf types of the schema. `category` is filled in per configuration. */
const CHECKS: Record<string, Check> = {
  string: typed('string'),
  boolean: typed('boolean'),
  function: typed('function', '; strings are never evaluated'),
  // The stored decision carries the revision as digits: past the safe integers it would not read back.
  count: (value) => !(Number.isSafeInteger(value) && value >= 0) && `must be a whole number from 0 to ${Number.MAX_SAFE_INTEGER}`,
  days: (value) => !(typeof value === 'number' && value > 0 && value <= 3650) && 'must be a number of days from 1 to 3650',
  cookieName: (value) => !COOKIE_NAME.test(value) && 'must be a cookie name without spaces, "=", ";" or ","',
  cookie: badCookie,
  path: (value) => (typeof value !== 'string' || value[0] !== '/') && 'must start with "/"',
  attrs: (value) =>
    !(isObject(value) && Object.values(value).every((v) => typeof v == 'string')) && 'must be an object of attribute names and string values',
  pattern: badPattern,
  url: (value) => !(typeof value === 'string' && value) && 'must be a URL',
  region: (value) =>
    !(typeof value == 'function' || (typeof value == 'string' && REGION_CODE.test(value.toUpperCase()))) &&
    'must be a region code such as "DE" or "US-CA", or a function returning one',
  object: (value) => !isObject(value) && 'must be an object',
  consentMode: (value) =>
    typeof value !== 'boolean' && !isObject(value) && 'must be true or { mapping, waitForUpdate, region, adsDataRedaction, urlPassthrough }',
  ms: (value) => !(typeof value == 'number' && value >= 0) && 'must be a number of milliseconds ≥ 0',
  regionList: (value) =>
    !(Array.isArray(value) && value.every((code) => typeof code == 'string' && REGION_CODE.test(code))) &&
    'must be a list of region codes such as ["US-CA", "DE"]',
  vendors: (value) =>
    !(Array.isArray(value) && value.every((v) => ['uet', 'clarity', 'meta'].includes(v))) && 'must be a list of "uet", "clarity", "meta"'
}

/** Validates and merges a configuration with the defaults. Throws one Error listing every problem (`error.problems`). */
export function resolveConfig(config: ChartoConfig = {}): ResolvedConfig {
  let problems: { path: string; message: string }[] = []
  let bad = (path: string, message: string, ...value: unknown[]) =>
    problems.push({ path, message: value.length ? `${message}, got ${quote(value[0])}` : message })
  if (!isObject(config)) bad('config', 'must be an object', config), (config = {})
  // Only own keys are read, and the maps handed on have no prototype: a key an old library put on Object.prototype
  // (`extend`) is neither an option nor a category, here or in any `for…in` elsewhere.
  let categories: ResolvedConfig['categories'] = withoutPrototype({ [NECESSARY]: { required: true }, performance: {}, marketing: {}, functional: {} })
  if (isObject(config.categories)) {
    for (let id of Object.keys(config.categories)) categories[id] = { ...(has(categories, id) && categories[id]), ...config.categories[id] }
  }
  let services: Record<string, unknown> = isObject(config.services) ? config.services : {}
  let checks: Record<string, Check> = {
    ...CHECKS,
    category: (value) => (typeof value !== 'string' || !has(categories, value)) && `must name a category (${Object.keys(categories).join(', ')})`,
    grantable: (value) =>
      !(typeof value == 'string' && (has(categories, value) || has(services, value))) && `must name a category or a service (${Object.keys(categories).concat(Object.keys(services))})`
  }
  // Lists whose items are checked one by one, so an error names the item: cookies[2].
  let items: Record<string, [Check, Rule?]> = {
    names: [badPattern],
    cookies: [(item) => (isObject(item) ? item.name === undefined && 'needs a "name"' : badCookie(item)), { name: 'cookie', provider: 'string', purpose: 'string', duration: 'string', thirdParty: 'boolean' }],
    scripts: [(item) => !(typeof item === 'string' && item) && !isObject(item) && 'must be a URL pattern or { "src": "https://…" }', { src: 'url', attrs: 'attrs' }]
  }

  let walk = (value: any, rule: Rule, path: string) => {
    if (value === undefined) return
    if (typeof rule === 'string') {
      if (has(items, rule)) {
        if (!Array.isArray(value)) return bad(path, 'must be an array', value)
        let [check, shape] = items[rule]
        return value.forEach((item, i) => {
          let message = check(item)
          if (message) bad(`${path}[${i}]`, message, item)
          else if (isObject(item) && shape) walk(item, shape, `${path}[${i}]`)
        })
      }
      let message = checks[rule](value)
      if (message) return bad(path, message, value)
      // true, or an object checked key by key like any other part of the configuration.
      if (rule == 'consentMode' && isObject(value)) walk(value, CONSENT_MODE, path)
      return
    }
    if (Array.isArray(rule)) return rule.includes(value) || bad(path, `must be one of ${rule.map(quote).join(', ')}`, value)
    if (!isObject(value)) return bad(path, 'must be an object', value)
    let map = has(rule, '*')
    for (let key of Object.keys(value)) {
      let at = path ? path + '.' + key : key
      if (map) {
        if (!ID.test(key)) bad(at, 'id must start with a letter and contain only letters, digits, "_" and "-"')
        walk(value[key], (rule as any)['*'], at)
      } else if (has(rule, key)) walk(value[key], (rule as any)[key], at)
      else bad(at, `is not an option here; known: ${Object.keys(rule).join(', ')}`)
    }
  }

  walk(config, SCHEMA, '')
  for (let key of isObject(config.regions) ? Object.keys(config.regions) : []) {
    if (key != 'EU' && key != 'default' && !REGION_CODE.test(key)) bad('regions.' + key, 'must be "EU", "default", a country code such as "DE" or a subdivision such as "US-CA", in capitals')
  }
  if (config.categories?.[NECESSARY]?.required === false) bad('categories.necessary.required', 'necessary is always required; remove this line')
  for (let id of Object.keys(services)) {
    if (has(categories, id)) bad('services.' + id, `"${id}" is already a category id; give the service its own id`)
    if (!isObject(config.services![id])) continue
    if (config.services![id].category === undefined) bad(`services.${id}.category`, checks.category(undefined) as string, undefined)
  }

  if (problems.length) {
    let error = new Error('charto: invalid configuration\n' + problems.map((p) => `  ${p.path}: ${p.message}`).join('\n'))
    ;(error as any).problems = problems
    throw error
  }
  return frozenCopy(withoutPrototype({
    ...config,
    categories,
    services: withoutPrototype(services) as ResolvedConfig['services'],
    mode: config.mode || 'opt-in',
    revision: config.revision || 0,
    consentLifetimeDays: config.consentLifetimeDays || 180,
    cookie: { name: 'charto_consent', path: '/', ...config.cookie }
  }))
}
