import type { ChartoConfig, ResolvedConfig } from './types.js'
import { REGEX_STRING } from './pattern.js'
import { has } from './has.js'

export const NECESSARY = 'necessary'
const ID = /^[A-Za-z][\w-]*$/
const COOKIE_NAME = /^[\w!#$%&'*+.^`|~-]+$/

/** Top-level options, including those read by the optional modules, so a typo is reported instead of ignored. */
export const OPTIONS = 'categories services mode revision consentLifetimeDays cookie storage gpc language region regions googleConsentMode vendors autoBlock reloadOnRevoke ui translations privacyPolicyUrl records onRecord $schema'.split(' ')

type Problem = [path: string, message: string]

const isObject = (v: unknown): v is Record<string, any> => !!v && typeof v === 'object' && !Array.isArray(v)
const quote = (v: unknown) => JSON.stringify(v) ?? String(v)

/** Validates and merges a configuration with the defaults. Throws one Error listing every problem (`error.problems`). */
export function resolveConfig(config: ChartoConfig = {}): ResolvedConfig {
  let problems: Problem[] = []
  let bad = (path: string, message: string) => problems.push([path, message])
  let expect = (value: unknown, path: string, type: string, hint = '') =>
    value === undefined || typeof value === type || bad(path, `must be a ${type}, got ${quote(value)}${hint}`)
  let oneOf = (value: unknown, path: string, allowed: unknown[]) =>
    value === undefined || allowed.includes(value) || bad(path, `must be one of ${allowed.map(quote).join(', ')}, got ${quote(value)}`)
  let patterns = (list: unknown, path: string, objects?: boolean) => {
    if (list === undefined) return
    if (!Array.isArray(list)) return bad(path, 'must be an array')
    list.forEach((item, i) => {
      let at = `${path}[${i}]`
      let name = objects && isObject(item) ? item.name : item
      if (objects && isObject(item)) {
        for (let key of ['provider', 'purpose', 'duration']) expect(item[key], `${at}.${key}`, 'string')
        expect(item.thirdParty, `${at}.thirdParty`, 'boolean')
      }
      if (typeof name !== 'string' || !name) {
        return bad(objects && isObject(item) ? at + '.name' : at, `must be a name or "/regex/", got ${quote(name)}`)
      }
      let re = REGEX_STRING.exec(name)
      try {
        if (re) new RegExp(re[1], re[2])
      } catch {
        bad(at, `${quote(name)} is not a valid pattern; write a regular expression between slashes, e.g. "/^_ga/"`)
      }
    })
  }
  let texts = (value: Record<string, any>, path: string) => {
    for (let key of ['label', 'description', 'provider']) expect(value[key], `${path}.${key}`, 'string')
    patterns(value.cookies, path + '.cookies', true)
    patterns(value.storage, path + '.storage')
  }

  if (!isObject(config)) {
    bad('config', 'must be an object')
    config = {}
  }
  for (let key in config) {
    if (!OPTIONS.includes(key)) bad(key, `is not an option; known options: ${OPTIONS.join(', ')}`)
  }

  let categories: ResolvedConfig['categories'] = {
    [NECESSARY]: { required: true },
    performance: {},
    marketing: {},
    functional: {}
  }
  let services: ResolvedConfig['services'] = {}
  let userCategories = config.categories
  if (userCategories !== undefined && !isObject(userCategories)) bad('categories', 'must be an object of category ids')
  for (let id in isObject(userCategories) ? userCategories : {}) {
    let value = userCategories![id]
    let path = 'categories.' + id
    if (!ID.test(id)) bad(path, 'id must start with a letter and contain only letters, digits, "_" and "-"')
    if (!isObject(value)) {
      bad(path, 'must be an object such as { "label": "…", "cookies": [] }')
      continue
    }
    texts(value, path)
    expect(value.required, path + '.required', 'boolean')
    if (id === NECESSARY && value.required === false) bad(path + '.required', 'necessary is always required; remove this line')
    categories[id] = { ...(has(categories, id) && categories[id]), ...value }
  }
  if (config.services !== undefined && !isObject(config.services)) bad('services', 'must be an object of service ids')
  let userServices = isObject(config.services) ? config.services : {}
  for (let id in userServices) {
    let value = userServices[id]
    let path = 'services.' + id
    if (!ID.test(id)) bad(path, 'id must start with a letter and contain only letters, digits, "_" and "-"')
    if (has(categories, id)) bad(path, `"${id}" is already a category id; give the service its own id`)
    if (!isObject(value)) {
      bad(path, 'must be an object such as { "category": "performance" }')
      continue
    }
    if (typeof value.category !== 'string' || !has(categories, value.category)) {
      bad(path + '.category', `must name a category (${Object.keys(categories).join(', ')}), got ${quote(value.category)}`)
    }
    texts(value, path)
    for (let hook of ['onAccept', 'onReject']) {
      expect((value as any)[hook], `${path}.${hook}`, 'function', '; strings are never evaluated')
    }
    if (value.scripts !== undefined) {
      if (!Array.isArray(value.scripts)) bad(path + '.scripts', 'must be an array')
      else
        value.scripts.forEach((script: unknown, i: number) => {
          if (typeof script === 'string' ? !script : !isObject(script) || typeof script.src !== 'string' || !script.src) {
            bad(`${path}.scripts[${i}]`, 'must be a URL pattern string or { "src": "https://…" }')
          } else if (isObject(script) && script.attrs !== undefined && !isObject(script.attrs)) {
            bad(`${path}.scripts[${i}].attrs`, 'must be an object of attribute names and string values')
          }
        })
    }
    services[id] = value
  }

  oneOf(config.mode, 'mode', ['opt-in', 'opt-out'])
  oneOf(config.storage, 'storage', ['cookie', 'localStorage'])
  expect(config.gpc, 'gpc', 'boolean')
  expect(config.language, 'language', 'string')
  let { revision = 0, consentLifetimeDays = 180 } = config
  if (!Number.isInteger(revision) || revision < 0) bad('revision', `must be a whole number ≥ 0, got ${quote(revision)}`)
  if (typeof consentLifetimeDays !== 'number' || !(consentLifetimeDays > 0)) {
    bad('consentLifetimeDays', `must be a number of days > 0, got ${quote(consentLifetimeDays)}`)
  }
  let cookie: ResolvedConfig['cookie'] = { name: 'charto_consent', path: '/', ...(config.cookie as object) }
  if (config.cookie !== undefined && !isObject(config.cookie)) bad('cookie', 'must be an object')
  if (!COOKIE_NAME.test(cookie.name)) bad('cookie.name', `must be a cookie name without spaces, "=", ";" or ",", got ${quote(cookie.name)}`)
  expect(cookie.domain, 'cookie.domain', 'string')
  if (typeof cookie.path !== 'string' || cookie.path[0] !== '/') bad('cookie.path', `must start with "/", got ${quote(cookie.path)}`)
  oneOf(cookie.sameSite, 'cookie.sameSite', ['Lax', 'Strict', 'None'])
  expect(cookie.secure, 'cookie.secure', 'boolean')

  if (problems.length) {
    let error = new Error('charto: invalid configuration\n' + problems.map(([path, message]) => `  ${path}: ${message}`).join('\n'))
    ;(error as any).problems = problems.map(([path, message]) => ({ path, message }))
    throw error
  }
  return { ...config, categories, services, mode: config.mode || 'opt-in', revision, consentLifetimeDays, cookie }
}
