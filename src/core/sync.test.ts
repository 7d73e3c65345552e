import { afterEach, beforeEach, expect, it, vi } from 'vitest'
import Cookies from 'js-cookie'
import { createConsent } from './consent.js'

beforeEach(() => {
  for (let name of Object.keys(Cookies.get())) Cookies.remove(name)
})
afterEach(() => vi.unstubAllGlobals())

/**
 * Chromium can fire the CookieStore `change` event before `document.cookie` shows the change: the page reads the
 * deleted cookie for some tens of milliseconds more. A `cookieStore` stand-in that does the same: a cookie deleted
 * "by the browser" leaves `document.cookie` in the next task, and `get` answers after that.
 */
let staleCookieStore = () => {
  let cookieStore = Object.assign(new EventTarget(), {
    get: (name: string) => new Promise((resolve) => setTimeout(() => resolve(Cookies.get(name) ? { name } : null))),
    deleteLater(name: string) {
      setTimeout(() => Cookies.remove(name))
      cookieStore.dispatchEvent(Object.assign(new Event('change'), { changed: [], deleted: [{ name }] }))
    }
  })
  vi.stubGlobal('cookieStore', cookieStore)
  return cookieStore
}
let nextTask = () => new Promise((resolve) => setTimeout(resolve, 10))

it('puts the decision back when the CookieStore says the cookie went before document.cookie shows it', async () => {
  let cookieStore = staleCookieStore()
  let manager = createConsent({ mode: 'opt-out' })
  manager.rejectAll()
  let held = Cookies.get('charto_consent')
  await nextTask()
  cookieStore.deleteLater('charto_consent')
  await nextTask()
  expect(Cookies.get('charto_consent')).toBe(held)
  manager.destroy()
})

it('looks no more once destroyed, not even when an answer it asked for comes after', async () => {
  let cookieStore = staleCookieStore()
  let manager = createConsent({ mode: 'opt-out' })
  manager.rejectAll()
  await nextTask()
  cookieStore.deleteLater('charto_consent')
  manager.destroy()
  await nextTask()
  expect(Cookies.get('charto_consent')).toBeUndefined()
})
