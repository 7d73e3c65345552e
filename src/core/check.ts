// The configuration walk, shared by the compact check every build runs (firstProblem, here) and the full validator
// of the CLI and the development builds (src/validate/). Both go through the same values in the same order with the
// same tests, so they accept and reject exactly the same configurations, and the first problem the full validator
// lists is the one the compact check names. The messages live with the full validator: a visitor's download carries
// the tests, not the explanations.
import { has, ID, isObject } from './has.js'
import { REGEX_STRING } from './pattern.js'
import { attempt } from './attempt.js'
import type { Rule } from './schema.js'

export const NECESSARY = 'necessary'
/** A country (`DE`) or subdivision (`US-CA`) code; `regions` keys may also be `EU` and `default`. */
export const REGION_CODE = /^[A-Z]{2}(-[A-Z\d]{1,3})?$/
const COOKIE_NAME = /^[\w!#$%&'*+.^`|~-]+$/

/** The ids a configuration defines, which some values must name. */
export interface Known {
  categories: Record<string, unknown>
  services: Record<string, unknown>
}

/**
 * Called for each problem, in order: where it is, what kind (a type name of TYPES, or one of `config`, `object`,
 * `array`, `oneOf`, `listOf`, `unknown`, `id`, `required`, `collision`, `necessary`), the value found, and for the
 * kinds that have one the list the value should come from.
 */
export type Report = (path: string, kind: string, value?: unknown, allowed?: readonly unknown[]) => void

const isString = (value: unknown): value is string => typeof value == 'string'
/** A name, or a "/regex/" that compiles. */
const isPattern = (value: unknown) => {
  let regex = isString(value) && REGEX_STRING.exec(value)
  return isString(value) && !!value && (!regex || !!attempt(() => new RegExp(regex[1], regex[2])))
}
/** A "/regex/", or a name a browser can actually set (no spaces, line breaks, "=", ";" or ","). */
const isCookie = (value: unknown) => isPattern(value) && (REGEX_STRING.test(value as string) || COOKIE_NAME.test(value as string))

/** The leaf types: each says whether a value is one. */
export const TYPES: Record<string, (value: any, known: Known) => boolean> = {
  string: isString,
  boolean: (value) => typeof value == 'boolean',
  function: (value) => typeof value == 'function',
  // The stored decision carries the revision as digits: past the safe integers it would not read back.
  count: (value) => Number.isSafeInteger(value) && value >= 0,
  days: (value) => typeof value == 'number' && value > 0 && value <= 3650,
  cookieName: (value) => isString(value) && COOKIE_NAME.test(value),
  cookie: isCookie,
  pattern: isPattern,
  path: (value) => isString(value) && value[0] == '/',
  attrs: (value) => isObject(value) && Object.values(value).every(isString),
  url: (value) => isString(value) && !!value,
  region: (value) => typeof value == 'function' || (isString(value) && REGION_CODE.test(value.toUpperCase())),
  regionKey: (key) => key == 'EU' || key == 'default' || REGION_CODE.test(key),
  regionList: (value) => Array.isArray(value) && value.every((code) => isString(code) && REGION_CODE.test(code)),
  object: isObject,
  ms: (value) => typeof value == 'number' && value >= 0,
  category: (value, known) => isString(value) && has(known.categories, value),
  grantable: (value, known) => isString(value) && (has(known.categories, value) || has(known.services, value)),
  // List items, checked one by one so that a problem names the item: cookies[2].
  names: isPattern,
  cookies: (item) => (isObject(item) ? item.name !== undefined : isCookie(item)),
  scripts: (item) => (isString(item) && !!item) || isObject(item)
}

/** The shape of an object item of a list, checked after the item itself. */
const ITEM_SHAPES: Record<string, Rule> = {
  cookies: { name: 'cookie', provider: 'string', purpose: 'string', duration: 'string', thirdParty: 'boolean' },
  scripts: { src: 'url', attrs: 'attrs' }
}

/** Categories as the configuration resolves them: the four defaults, merged with the given ones. */
export function knownIds(config: any): Known {
  let categories: Record<string, any> = Object.assign(Object.create(null), { [NECESSARY]: { required: true }, performance: {}, marketing: {}, functional: {} })
  if (isObject(config) && isObject(config.categories)) {
    for (let id of Object.keys(config.categories)) categories[id] = { ...(has(categories, id) && categories[id]), ...config.categories[id] }
  }
  return { categories, services: isObject(config) && isObject(config.services) ? config.services : {} }
}

/** Walks a configuration against its rules and reports every problem, in the order of the configuration's keys. */
export function walkConfig(config: unknown, rules: Rule, known: Known, report: Report): void {
  let walk = (value: any, rule: Rule, path: string) => {
    if (value === undefined) return
    if (isString(rule)) {
      if (has(ITEM_SHAPES, rule) || rule == 'names') {
        if (!Array.isArray(value)) return report(path, 'array', value)
        return value.forEach((item, index) => {
          let at = `${path}[${index}]`
          if (!TYPES[rule](item, known)) report(at, rule, item)
          else if (isObject(item)) walk(item, ITEM_SHAPES[rule], at)
        })
      }
      return TYPES[rule](value, known) || report(path, rule, value)
    }
    if (Array.isArray(rule)) return rule.includes(value) || report(path, 'oneOf', value, rule)
    let shape = rule as Record<string, Rule>
    if (has(shape, '[]')) {
      let allowed = shape['[]'] as unknown[]
      return (Array.isArray(value) && value.every((item) => allowed.includes(item))) || report(path, 'listOf', value, allowed)
    }
    if (has(shape, '|') && TYPES[shape['|'] as string](value, known)) return
    if (!isObject(value)) return report(path, has(shape, '|') ? 'either' : 'object', value, Object.keys(shape).filter((key) => key != '|'))
    let map = has(shape, '*')
    for (let key of Object.keys(value)) {
      let at = path ? path + '.' + key : key
      if (map) {
        if (!(has(shape, '#') ? TYPES[shape['#'] as string](key, known) : ID.test(key))) report(at, has(shape, '#') ? (shape['#'] as string) : 'id', key)
        walk(value[key], shape['*'], at)
      } else if (has(shape, key) && key != '|') walk(value[key], shape[key], at)
      else report(at, 'unknown', key, Object.keys(shape).filter((known) => known != '|'))
    }
  }
  if (!isObject(config)) return report('config', 'config', config)
  walk(config, rules, '')
  if ((config as any).categories?.[NECESSARY]?.required === false) report('categories.necessary.required', 'necessary')
  for (let id of Object.keys(known.services)) {
    if (has(known.categories, id)) report('services.' + id, 'collision', id)
    if (isObject(known.services[id]) && (known.services[id] as any).category === undefined) report(`services.${id}.category`, 'category', undefined)
  }
}

/** The path of the first problem in a configuration (in the form `categories.marketing.cookies[2]`), if any. */
export function firstProblem(config: unknown, rules: Rule, known: Known): string | undefined {
  let first: string | undefined
  // The walk goes on past the first problem: it costs nothing that matters, since a valid configuration, the one every
  // page load checks, is walked whole anyway.
  walkConfig(config, rules, known, (path) => {
    if (first == null) first = path
  })
  return first
}
