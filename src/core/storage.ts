import Cookies from 'js-cookie'
import type { ResolvedConfig } from './types.js'
import { attempt } from './attempt.js'

export interface DecisionStore {
  read(): string | undefined
  /** Returns false when the value could not be kept (cookies blocked, storage full or throwing). */
  write(value: string): boolean | undefined
  remove(): void
}

/** Cookie or localStorage persistence. Every access is guarded: privacy modes throw or drop writes. */
export function createStore(config: ResolvedConfig): DecisionStore {
  let { name, ...options } = config.cookie
  if (config.storage == 'localStorage') {
    return {
      read: () => attempt(() => localStorage.getItem(name) ?? undefined),
      write: (value) => attempt(() => (localStorage.setItem(name, value), true), false),
      remove: () => attempt(() => localStorage.removeItem(name))
    }
  }
  let attributes = () => ({
    sameSite: 'Lax' as const,
    secure: location.protocol == 'https:',
    ...options,
    // The cookie outlives the record by a day; expiry is judged from the record's own timestamps.
    expires: config.consentLifetimeDays + 1
  })
  return {
    read: () => attempt(() => Cookies.get(name)),
    write: (value) => attempt(() => (Cookies.set(name, value, attributes()), Cookies.get(name) == value), false),
    remove: () => attempt(() => Cookies.remove(name, attributes()))
  }
}
