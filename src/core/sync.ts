import { attempt } from './attempt.js'

export interface TabSync {
  send(value: string): void
  close(): void
}

/**
 * Carries each decision to the site's other open tabs, and says when to look at storage again. The message holds the
 * record itself, so receivers never depend on re-reading a cookie that may not be visible to them yet
 * (`receive(value)`). No message reaches a tab on another subdomain sharing a `cookie.domain` cookie, nor a page in
 * the back/forward cache: storage is read again (`receive()`) whenever the page is shown, becomes visible or gets focus,
 * and, where the CookieStore API exists, whenever the cookie changes or goes (a `Clear-Site-Data` answer included).
 * BroadcastChannel where it exists, else a localStorage `storage` event.
 */
export function connectTabs(name: string, receive: (value?: unknown) => void): TabSync {
  let key = 'charto:' + name
  // No tabs on a server: an open channel would also keep a Node process alive.
  if (typeof document === 'undefined') return { send() {}, close() {} }
  let open = true
  let look = () => open && receive()
  // A page restored from the back/forward cache (`persisted`): a fresh load fires pageshow too, just after the start
  // read storage, and reading it again there cost ~2 ms of a returning visit's script time.
  let shown = (event: Event) => (event as PageTransitionEvent).persisted && look()
  let events = ['visibilitychange', 'focus']
  for (let type of events) addEventListener(type, look)
  addEventListener('pageshow', shown)
  let cookies = (globalThis as any).cookieStore
  // Chromium can fire the event before document.cookie shows the change (a cookie cleared by a Clear-Site-Data
  // answer still reads there for some tens of milliseconds, so the page would see nothing to put back, and the
  // decision would be lost): storage is read again once the cookie store has answered a question of its own, by
  // which time document.cookie agrees with it.
  let onCookie = (event: any) => {
    if ([...event.changed, ...event.deleted].some((cookie) => cookie.name == name)) {
      look()
      attempt(() => cookies.get(name).then(look, look))
    }
  }
  cookies?.addEventListener('change', onCookie)
  let stop = () => ((open = false), events.forEach((type) => removeEventListener(type, look)), removeEventListener('pageshow', shown), cookies?.removeEventListener('change', onCookie))
  let channel = typeof BroadcastChannel === 'function' && attempt(() => new BroadcastChannel(key))
  if (channel) {
    channel.onmessage = (event) => receive(event.data)
    return { send: (value) => channel.postMessage(value), close: () => (stop(), channel.close()) }
  }
  let onStorage = (event: StorageEvent) => {
    if (event.key == key && event.newValue) receive(attempt(() => JSON.parse(event.newValue!)[0]))
  }
  addEventListener('storage', onStorage)
  return {
    send: (value) =>
      attempt(() => {
        localStorage.setItem(key, JSON.stringify([value, Math.random()]))
        localStorage.removeItem(key)
      }),
    close: () => (stop(), removeEventListener('storage', onStorage))
  }
}
