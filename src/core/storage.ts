import Cookies from 'js-cookie'
import type { ResolvedConfig } from './types.js'
import { attempt } from './attempt.js'
import { expireCookie, readCookies } from './cookies.js'

export interface DecisionStore {
  /** Every stored value: a cookie can exist more than once (a host-only one and one with `cookie.domain`). */
  read(): string[]
  /** Returns false when the value could not be kept (cookies blocked, storage full or throwing). */
  write(value: string): boolean | undefined
  remove(): void
}

/** Cookie or localStorage persistence. Every access is guarded: privacy modes throw or drop writes. */
export function createStore(config: ResolvedConfig): DecisionStore {
  let { name, ...options } = config.cookie
  if (config.storage == 'localStorage') {
    return {
      read: () => [attempt(() => localStorage.getItem(name)) || ''],
      write: (value) => attempt(() => (localStorage.setItem(name, value), true), false),
      remove: () => attempt(() => localStorage.removeItem(name))
    }
  }
  // js-cookie reads the first cookie of a name only; the value is cookie-safe, so it needs no decoding.
  let all = () => attempt(() => readCookies().flatMap(([key, value]) => (key == name ? [value] : [])), [])!
  return {
    read: all,
    write: (value) =>
      attempt(() => {
        Cookies.set(name, value, {
          sameSite: 'Lax',
          secure: location.protocol == 'https:',
          ...options,
          // The cookie outlives the record by a day; expiry is judged from the record's own timestamps.
          expires: config.consentLifetimeDays + 1
        })
        return all().includes(value)
      }, false),
    // The configured variant and every other one, so an older cookie (set before `cookie.domain` or `path` changed)
    // cannot come back.
    remove: () => attempt(() => (Cookies.remove(name, options), expireCookie(name)))
  }
}
