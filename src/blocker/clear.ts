import type { ExtensionContext } from '../core/consent.js'
import type { CookieSpec, ResolvedConfig } from '../core/types.js'
import { specsOf } from './specs.js'
import { nameMatcher } from '../core/pattern.js'
import { attempt } from '../core/attempt.js'
import { expireCookie, readCookies } from '../core/cookies.js'

export { cookieVariants } from '../core/cookies.js'

export interface ClearedDetail {
  /** Cookie names and storage keys that were present and are gone. */
  removed: string[]
  /** Listed cookies still visible after the attempt, and listed third-party cookies (out of reach of JavaScript). */
  failed: string[]
}

let matching = (patterns: string[], names: string[], keep?: string) => {
  let tests = patterns.map(nameMatcher)
  return names.filter((name) => name != keep && tests.some((test) => test(name)))
}

let cookieNames = () => [...new Set(readCookies().map(([name]) => name))]

/**
 * Expires the visible cookies matching `specs` (exact names or `/regex/`) on every domain and path variant, through
 * `document.cookie` and, where it exists, the CookieStore API too. `keep` is never touched (the consent cookie).
 * HttpOnly cookies are invisible to JavaScript and cannot be reported; answer with `Clear-Site-Data` on the server.
 */
export async function clearCookies(specs: (string | CookieSpec)[], keep?: string): Promise<ClearedDetail> {
  let failed: string[] = []
  let found = matching(
    specs.map((spec) => (typeof spec == 'string' ? spec : (spec.thirdParty && failed.push(spec.name), spec.name))),
    cookieNames(),
    keep
  )
  await Promise.all(found.flatMap((name) => expireCookie(name)))
  let left = cookieNames().filter((name) => found.includes(name))
  return { removed: found.filter((name) => !left.includes(name)), failed: failed.concat(left) }
}

/** Removes the localStorage and sessionStorage keys matching `patterns`; returns the removed keys. */
export function clearStorage(patterns: string[], keep?: string): string[] {
  return ['localStorage', 'sessionStorage'].flatMap(
    (kind) =>
      // A storage that throws on access (privacy mode) is skipped.
      attempt(() => {
        let store: Storage = (window as any)[kind]
        return matching(patterns, Object.keys(store), keep).map((key) => (store.removeItem(key), key))
      }, [])!
  )
}

/**
 * Removes what the listed categories and services declare (`cookies`, `storage`); the consent cookie itself is kept.
 * Announces `cleared`; `quiet`: only when something was removed.
 */
export function clearDeclared(
  config: Pick<ResolvedConfig, 'categories' | 'services' | 'cookie'>,
  ids: string[],
  emit: ExtensionContext['emit'],
  quiet?: boolean
): Promise<void> {
  let specs = specsOf(config, ids)
  let { cookie } = config
  return clearCookies(specs.flatMap((spec) => spec.cookies || []), cookie.name).then(({ removed, failed }) => {
    removed = removed.concat(clearStorage(specs.flatMap((spec) => spec.storage || []), cookie.name))
    if (!quiet || removed.length) emit('cleared', { removed, failed })
  })
}
