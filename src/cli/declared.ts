// The configuration seen as a declaration: every cookie and storage key, where it belongs and what it is for.
// Shared by `charto declaration` (to print it) and `charto audit` (to classify what a site really stores).
import { NECESSARY } from '../core/config.js'
import { globMatcher, nameMatcher, REGEX_STRING } from '../core/pattern.js'
import type { CookieSpec, ResolvedConfig } from '../core/types.js'

export interface DeclaredCookie {
  category: string
  /** Service id, or null for a cookie declared on the category itself. */
  service: string | null
  /** As written in the configuration: an exact name or a `/regex/` string. */
  name: string
  /** For people: the exact name, a simple regex shown as `_ga_*`, else the regex as written. */
  display: string
  provider: string
  purpose: string
  duration: string
  thirdParty?: boolean
  /** charto's own consent cookie, added unless the configuration declares it. */
  builtin?: boolean
  matches(name: string): boolean
}

export interface DeclaredStorage {
  category: string
  service: string | null
  key: string
  display: string
  builtin?: boolean
  matches(key: string): boolean
}

export interface Declaration {
  config: ResolvedConfig
  /** Category ids in configuration order (the defaults first, then new ones). */
  categories: string[]
  cookies: DeclaredCookie[]
  storage: DeclaredStorage[]
  /** URL globs of each service's scripts and iframes (pattern strings and `{ src }` items). */
  scripts: { category: string; service: string; glob: string; matches(url: string): boolean }[]
}

export const isRequired = (config: ResolvedConfig, category: string) => !!config.categories[category]?.required

/**
 * `/^_ga_[A-Z0-9]+$/` → `_ga_*`: anchors dropped, "any run" pieces become `*`, escapes undone. A regex that does not
 * reduce to that form is shown as written.
 */
export function displayPattern(pattern: string): string {
  let re = REGEX_STRING.exec(pattern)
  if (!re) return pattern
  let source = re[1]
  let start = source.startsWith('^') ? '' : '*'
  let end = source.endsWith('$') && !source.endsWith('\\$') ? '' : '*'
  let body = source.replace(/^\^/, '').replace(/\$$/, '')
  body = body.replace(/(\.|\\[dw]|\[[^\]]*\])[*+]\??/g, '*')
  if (/[\\()[\]{}|?+^$.]/.test(body.replace(/\\[.\-_/:]/g, ''))) return pattern
  return (start + body.replace(/\\([.\-_/:])/g, '$1') + end).replace(/\*+/g, '*')
}

const cookieSpec = (item: string | CookieSpec): CookieSpec => (typeof item === 'string' ? { name: item } : item)

/** Reads a validated configuration into the declaration: charto's own consent cookie (or storage key) included. */
export function declaration(config: ResolvedConfig): Declaration {
  let cookies: DeclaredCookie[] = []
  let storage: DeclaredStorage[] = []
  let scripts: Declaration['scripts'] = []
  let categories = Object.keys(config.categories)
  let addCookie = (category: string, service: string | null, item: string | CookieSpec, provider = '') => {
    let spec = cookieSpec(item)
    cookies.push({
      category,
      service,
      name: spec.name,
      display: displayPattern(spec.name),
      provider: spec.provider || provider,
      purpose: spec.purpose || '',
      duration: spec.duration || '',
      thirdParty: spec.thirdParty,
      matches: nameMatcher(spec.name)
    })
  }
  let addStorage = (category: string, service: string | null, key: string) =>
    storage.push({ category, service, key, display: displayPattern(key), matches: nameMatcher(key) })

  for (let id of categories) {
    let category = config.categories[id]
    for (let item of category.cookies || []) addCookie(id, null, item)
    for (let key of category.storage || []) addStorage(id, null, key)
    for (let serviceId in config.services) {
      let service = config.services[serviceId]
      if (service.category !== id) continue
      for (let item of service.cookies || []) addCookie(id, serviceId, item, service.provider)
      for (let key of service.storage || []) addStorage(id, serviceId, key)
      for (let script of service.scripts || []) {
        let glob = typeof script === 'string' ? script : script.src
        scripts.push({ category: id, service: serviceId, glob, matches: globMatcher(glob) })
      }
    }
  }

  // charto's own record of the decision is a strictly necessary item the page sets, so it belongs in the declaration.
  let own = config.cookie.name
  let necessary = categories.find((id) => config.categories[id].required) || NECESSARY
  if (config.storage === 'localStorage') {
    if (!storage.some((s) => s.matches(own))) {
      storage.unshift({ category: necessary, service: null, key: own, display: own, builtin: true, matches: (k) => k === own })
    }
  } else if (!cookies.some((c) => c.matches(own))) {
    cookies.unshift({
      category: necessary,
      service: null,
      name: own,
      display: own,
      provider: 'This website',
      purpose: 'Remembers your cookie choices (what you accepted or refused) so you are not asked on every page',
      duration: `${config.consentLifetimeDays} days`,
      thirdParty: false,
      builtin: true,
      matches: (name) => name === own
    })
  }
  // Set and removed at once to tell the site's other tabs about a decision (browsers without BroadcastChannel).
  let sync = 'charto:' + own
  storage.push({ category: necessary, service: null, key: sync, display: sync, builtin: true, matches: (k) => k === sync })
  return { config, categories, cookies, storage, scripts }
}

/** Exact names first, then patterns, each in declaration order. */
export function findCookie(decl: Declaration, name: string): DeclaredCookie | undefined {
  let exact = decl.cookies.find((c) => !REGEX_STRING.test(c.name) && c.matches(name))
  return exact || decl.cookies.find((c) => c.matches(name))
}

export function findStorage(decl: Declaration, key: string): DeclaredStorage | undefined {
  let exact = decl.storage.find((s) => !REGEX_STRING.test(s.key) && s.matches(key))
  return exact || decl.storage.find((s) => s.matches(key))
}
