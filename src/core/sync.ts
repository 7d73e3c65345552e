import { attempt } from './attempt.js'

export interface TabSync {
  send(value: string | null): void
  close(): void
}

/**
 * Carries each decision to the site's other open tabs. The message holds the decision itself,
 * so receivers never depend on re-reading a cookie that may not be visible to them yet.
 * BroadcastChannel where it exists, else a localStorage `storage` event.
 */
export function connectTabs(key: string, receive: (value: string | null) => void): TabSync {
  key = 'charto:' + key
  // No tabs on a server: an open channel would also keep a Node process alive.
  if (typeof document === 'undefined') return { send() {}, close() {} }
  if (typeof BroadcastChannel === 'function') {
    let channel = new BroadcastChannel(key)
    channel.onmessage = (event) => receive(event.data)
    return { send: (value) => channel.postMessage(value), close: () => channel.close() }
  }
  let onStorage = (event: StorageEvent) => {
    if (event.key == key && event.newValue) receive(JSON.parse(event.newValue)[0])
  }
  let hasWindow = typeof addEventListener === 'function'
  if (hasWindow) addEventListener('storage', onStorage)
  return {
    send: (value) =>
      attempt(() => {
        localStorage.setItem(key, JSON.stringify([value, Math.random()]))
        localStorage.removeItem(key)
      }),
    close: () => hasWindow && removeEventListener('storage', onStorage)
  }
}
