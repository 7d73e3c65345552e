import Cookies from 'js-cookie'
import type { ResolvedConfig } from './types.js'
import { attempt } from './attempt.js'
import { expireCookie, readCookies, writeCookie } from './cookies.js'

export interface DecisionStore {
  /** Every stored value: a cookie can exist more than once (a host-only one and one with `cookie.domain`). */
  read(): string[]
  /** Writes `value` in place of every stored one. Returns false when it could not be kept (blocked, full or throwing). */
  write(value: string): boolean | undefined
}

/** Cookie or localStorage persistence. Every access is guarded: privacy modes throw or drop writes. */
export function createStore(config: ResolvedConfig): DecisionStore {
  let { name, domain, path, sameSite = 'Lax', secure } = config.cookie
  if (config.storage == 'localStorage') {
    return {
      read: () => [attempt(() => localStorage.getItem(name)) || ''],
      write: (value) => attempt(() => (localStorage.setItem(name, value), true), false)
    }
  }
  // The value is cookie-safe as it is: it needs no encoding.
  let all = () => readCookies().flatMap(([key, value]) => (key == name ? [value] : []))
  return {
    read: all,
    write: (value) =>
      attempt(() => {
        // As long as the decision lasts, and as the cookie declaration states it: not a day more. Expiry is still judged
        // from the record's own timestamps, so a decision ends on time where the browser keeps a cookie longer.
        let days = config.consentLifetimeDays
        let https = secure ?? location.protocol == 'https:'
        let put = () => {
          // js-cookie writes it. Where the page broke document.cookie for it (a <form name="cookie"> hides the
          // property; an enumerable Object.prototype key lands among its attributes and throws), the document's own
          // accessor writes the same cookie.
          attempt(() => Cookies.set(name, value, { path, domain, sameSite, secure: https, expires: days }))
          if (!all().includes(value)) {
            writeCookie(`${name}=${value}; path=${path}${domain ? '; domain=' + domain : ''}; max-age=${days * 86400}; samesite=${sameSite}${https ? '; secure' : ''}`)
          }
        }
        put()
        // Another variant still there (one left from before `cookie.domain` or `path` changed, say): every variant
        // goes, then the decision is written again, so that nothing older is left to win later. Through
        // document.cookie only, which keeps the order: a CookieStore deletion is asynchronous and could land later.
        if (all().length > 1) expireCookie(name, false), put()
        return all().includes(value)
      }, false)
  }
}
