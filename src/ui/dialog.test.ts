// The dialog with a preferences centre that arrives later, as the <script> build's preferences chunk does: what waits
// for it, what it never does meanwhile, and failing closed. (./ui.test.ts covers the dialog with it bundled in.)
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import Cookies from 'js-cookie'
import { createConsent, type ConsentManager } from '../core/consent.js'
import { createDialog } from './dialog.js'
import { preferencesView } from './preferences-view.js'
import type { PreferencesView, UiManager } from './types.js'

let managers: ConsentManager[] = []
/** Each fetch of the preferences centre, settled by the test. */
let fetches: { resolve(view: PreferencesView): void; reject(error: Error): void }[] = []
let errors: unknown[] = []

const make = () => {
  let dialog = createDialog(() => new Promise<PreferencesView>((resolve, reject) => fetches.push({ resolve, reject })))
  let m = createConsent({}, [dialog]) as UiManager
  m.on('error', (error) => errors.push(error))
  managers.push(m)
  return m
}
const shadow = () => document.querySelector('charto-ui')!.shadowRoot!
const view = () => shadow().querySelector('section,dialog')?.getAttribute('part')
const button = (action: string) => shadow().querySelector<HTMLElement>(`[data-charto-action=${action}]`)!
/** Lets the promises settled so far run their callbacks. */
const settle = () => new Promise((resolve) => setTimeout(resolve))

beforeEach(() => {
  for (let name of Object.keys(Cookies.get())) Cookies.remove(name)
  localStorage.clear()
  document.body.innerHTML = '<a href="#" data-charto-open>Cookie settings</a>'
  fetches = []
  errors = []
})
afterEach(() => {
  for (let m of managers) m.destroy()
  managers = []
})

describe('a preferences centre that arrives later', () => {
  it('is not fetched for a banner answered from its own buttons', async () => {
    let m = make()
    expect(view()).toBe('banner')
    button('accept-all').click()
    await settle()
    expect([fetches.length, m.getConsent().method]).toEqual([0, 'accept-all'])
  })

  it('opens once it is here, with focus in it and its own styles; the banner stays until then', async () => {
    make()
    button('preferences').focus()
    button('preferences').click()
    expect(fetches).toHaveLength(1)
    expect(view()).toBe('banner')
    fetches[0].resolve(preferencesView)
    await settle()
    expect(view()).toBe('preferences')
    expect(shadow().activeElement).toBe(button('close'))
    expect(shadow().adoptedStyleSheets.map((sheet) => [...sheet.cssRules].some((rule) => rule.cssText.includes('[part=category]')))).toEqual([false, true])
    // Escape goes back to the banner, focus on its Preferences button; a second opening fetches nothing.
    shadow().querySelector('dialog')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }))
    expect([view(), shadow().activeElement]).toEqual(['banner', button('preferences')])
    button('preferences').click()
    expect([view(), fetches.length, shadow().adoptedStyleSheets.length]).toEqual(['preferences', 1, 2])
  })

  it("is fetched when the banner's Preferences button is pointed at or focused, before a click", () => {
    make()
    button('accept-all').dispatchEvent(new Event('pointerover', { bubbles: true }))
    expect(fetches).toHaveLength(0)
    button('preferences').dispatchEvent(new Event('pointerover', { bubbles: true }))
    expect(fetches).toHaveLength(1)
    button('preferences').focus()
    button('preferences').click()
    expect(fetches).toHaveLength(1)
    // Keyboard users: focus alone fetches it.
    managers.pop()!.destroy()
    make()
    button('preferences').focus()
    expect(fetches).toHaveLength(2)
  })

  it('opens for a settings link and showPreferences() too, and gives focus back to the link', async () => {
    let m = make()
    m.acceptAll()
    let link = document.querySelector('a')!
    link.focus()
    link.click()
    m.showPreferences()
    expect(fetches).toHaveLength(1)
    fetches[0].resolve(preferencesView)
    await settle()
    expect(view()).toBe('preferences')
    shadow().querySelector('dialog')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }))
    expect([view(), document.activeElement]).toEqual([undefined, link])
  })

  it('does not open if the visitor decided while it loaded', async () => {
    let m = make()
    button('preferences').click()
    button('reject-all').click()
    fetches[0].resolve(preferencesView)
    await settle()
    expect([view(), m.getConsent().method]).toEqual([undefined, 'reject-all'])
  })

  it('fails closed: nothing granted, one error, the banner and focus as they were, and the next click tries again', async () => {
    let m = make()
    button('preferences').focus()
    button('preferences').click()
    button('preferences').click()
    let failure = new Error('charto: charto.preferences.0123456789.js did not load')
    fetches[0].reject(failure)
    await settle()
    expect(errors).toEqual([failure])
    expect([view(), shadow().activeElement, m.getConsent().decided]).toEqual(['banner', button('preferences'), false])
    button('preferences').click()
    expect(fetches).toHaveLength(2)
    fetches[1].resolve(preferencesView)
    await settle()
    expect([view(), errors.length]).toEqual(['preferences', 1])
    button('accept-all').click()
    expect(m.getConsent().method).toBe('accept-all')
  })

  it('redraws in a new language that was set while it loaded', async () => {
    let m = createConsent({ translations: { de: { preferences: { title: 'Cookie-Einstellungen' } } } }, [
      createDialog(() => Promise.resolve(preferencesView))
    ]) as UiManager
    managers.push(m)
    m.showPreferences()
    m.setLanguage('de')
    await settle()
    expect(shadow().querySelector('h2')!.textContent).toBe('Cookie-Einstellungen')
  })
})
