import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import Cookies from 'js-cookie'
import { createConsent, type ConsentManager, type Extension, type ExtensionContext } from '../core/consent.js'
import type { ChartoConfig } from '../core/types.js'
import { safeUrl, ui, type UiManager } from './index.js'
import en from './i18n/en.js'
import de from './i18n/de.js'

let managers: ConsentManager[] = []
/** What the blocker would announce: extensions emit through their context, which the public manager does not offer. */
let emit: ExtensionContext['emit']
const capture: Extension = (context) => void (emit = context.emit)
const make = (config: ChartoConfig = {}) => {
  let m = createConsent(config, [ui, capture]) as UiManager
  managers.push(m)
  return m
}
const hosts = () => [...document.querySelectorAll('charto-ui')]
const shadow = () => document.querySelector('charto-ui')?.shadowRoot as ShadowRoot
const buttons = () => [...shadow().querySelectorAll('button')].map((b) => b.textContent)
const press = (label: string, root: ParentNode = shadow()) =>
  [...root.querySelectorAll('button')].find((b) => b.textContent == label || b.getAttribute('aria-label') == label)!.click()
const view = () => shadow()?.querySelector('section,dialog')
const setGpc = (value: boolean | undefined) => Object.defineProperty(navigator, 'globalPrivacyControl', { value, configurable: true })
const XSS = '<img src=x onerror="window.pwned=1">'

beforeEach(() => {
  for (let name of Object.keys(Cookies.get())) Cookies.remove(name)
  localStorage.clear()
  document.documentElement.lang = 'en'
  document.body.innerHTML = ''
})
afterEach(() => {
  for (let m of managers) m.destroy()
  managers = []
  setGpc(undefined)
  vi.restoreAllMocks()
})

describe('banner', () => {
  it('shows an undecided visitor a named region with title, text and three buttons', () => {
    make({ privacyPolicyUrl: '/privacy' })
    let region = view()!
    expect(region.getAttribute('role')).toBe('region')
    expect(shadow().getElementById(region.getAttribute('aria-labelledby')!)!.textContent).toBe(en.banner.title)
    expect(buttons()).toEqual(['Accept all', 'Reject all', 'Preferences'])
    expect(region.querySelector('a')!.getAttribute('href')).toBe('/privacy')
    expect(region.getAttribute('lang')).toBe('en')
  })

  it('creates no UI DOM and no styles for a returning visitor until asked', () => {
    make().acceptAll()
    for (let m of managers) m.destroy()
    document.body.innerHTML = ''
    let m = make()
    expect(hosts()).toHaveLength(0)
    expect(document.querySelectorAll('style')).toHaveLength(0)
    m.showPreferences()
    expect(hosts()).toHaveLength(1)
  })

  it('Accept all grants everything, Reject all grants nothing, and both close the banner with a status', () => {
    let m = make()
    press('Reject all')
    expect(m.getConsent()).toMatchObject({ decided: true, method: 'reject-all', categories: { marketing: false } })
    expect(view()).toBeNull()
    expect(shadow().querySelector('[role=status]')!.textContent).toBe('Preferences saved')
    m.reset()
    expect(view()!.getAttribute('part')).toBe('banner')
    press('Accept all')
    expect(m.getConsent()).toMatchObject({ method: 'accept-all', categories: { marketing: true, performance: true } })
  })

  it('shows the banner again when the decision is reset', () => {
    let m = make()
    m.acceptAll()
    expect(view()).toBeNull()
    m.reset()
    expect(view()!.getAttribute('part')).toBe('banner')
  })

  it('emits show and hide with the view and adds show/showPreferences/hide/setLanguage', () => {
    let m = make()
    let events: string[] = []
    m.on('show', (d) => events.push('show:' + d.view))
    m.on('hide', (d) => events.push('hide:' + d.view))
    m.hide()
    m.showPreferences()
    m.hide()
    m.show()
    expect(events).toEqual(['hide:banner', 'show:preferences', 'hide:preferences', 'show:banner'])
    expect(m.getConsent().decided).toBe(false)
  })

  it('Escape closes without granting anything', () => {
    let m = make()
    let escape = () => view()!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }))
    press('Preferences')
    escape()
    expect(view()!.getAttribute('part')).toBe('banner')
    expect(shadow().activeElement!.textContent).toBe('Preferences')
    escape()
    expect(view()).toBeNull()
    m.showPreferences()
    escape()
    expect(view()).toBeNull()
    expect(m.getConsent().decided).toBe(false)
  })

  it('uses the bar, box and modal layouts and the position', () => {
    make({ ui: { layout: 'modal', position: 'top' } })
    expect(document.querySelector('charto-ui')!.getAttribute('layout')).toBe('modal')
    expect(view()!.localName).toBe('dialog')
    expect(view()!.getAttribute('aria-modal')).toBe('true')
  })
})

describe('preferences', () => {
  const config: ChartoConfig = {
    categories: {
      performance: { cookies: [{ name: '_ga', provider: 'Google', purpose: 'Counts visits', duration: '2 years', thirdParty: true }, 'plain'] }
    },
    services: { ga4: { category: 'performance', label: 'Google Analytics', cookies: [{ name: '_gid', duration: '1 day' }] }, pixel: { category: 'marketing' } }
  }

  it('is a labelled modal dialog with a switch per category and service', () => {
    make(config).showPreferences()
    let dialog = view()!
    expect(dialog.localName).toBe('dialog')
    expect(dialog.getAttribute('aria-modal')).toBe('true')
    expect(shadow().getElementById(dialog.getAttribute('aria-labelledby')!)!.textContent).toBe('Cookie preferences')
    let switches = [...dialog.querySelectorAll('input')]
    expect(switches.every((s) => s.getAttribute('role') == 'switch' && s.type == 'checkbox')).toBe(true)
    expect(switches.map((s) => s.closest('label')!.textContent)).toEqual(['Necessary', 'Performance', 'Google Analytics', 'Marketing', 'pixel', 'Functional'])
  })

  it('one button order on every layer: Accept all, Reject all, then the layer\'s own third action', () => {
    let m = make(config)
    let actions = () => [...view()!.querySelectorAll('[part~=buttons] button')].map((b) => b.getAttribute('data-charto-action'))
    expect(actions()).toEqual(['accept-all', 'reject-all', 'preferences'])
    m.showPreferences()
    expect(actions()).toEqual(['accept-all', 'reject-all', 'save'])
  })

  it('necessary is on and disabled with its justification; others are off on first open', () => {
    make(config).showPreferences()
    let [necessary, ...rest] = [...view()!.querySelectorAll('input')]
    expect(necessary.checked && necessary.disabled).toBe(true)
    expect(shadow().getElementById(necessary.getAttribute('aria-describedby')!)!.textContent).toBe(en.categories.necessary.description)
    expect(rest.every((s) => !s.checked && !s.disabled)).toBe(true)
  })

  it('lists each cookie: name, provider, purpose, duration, first/third party, before consent', () => {
    make(config).showPreferences()
    let rows = [...view()!.querySelectorAll('tr')].map((tr) => [...tr.children].map((c) => c.textContent))
    expect(rows).toEqual([
      ['Name', 'Provider', 'Purpose', 'Duration', 'Type'],
      ['_ga', 'Google', 'Counts visits', '2 years', 'Third party'],
      ['plain', '', '', '', 'First party'],
      ['_gid', 'Google Analytics', '', '1 day', 'First party']
    ])
  })

  it('saves the switches as a custom decision and shows the stored state when reopened', () => {
    let m = make(config)
    m.showPreferences()
    let input = (n: number) => view()!.querySelectorAll('input')[n]
    input(3).click() // marketing
    press('Save choices')
    expect(m.getConsent()).toMatchObject({ method: 'custom', categories: { marketing: true, performance: false }, services: { pixel: true } })
    expect(shadow().querySelector('[role=status]')!.textContent).toBe('Preferences saved')
    m.showPreferences()
    expect([...view()!.querySelectorAll('input')].map((i) => i.checked)).toEqual([true, false, false, true, true, false])
    // Saving again changes the live region, so it is announced again; the words stay the same.
    press('Save choices')
    let again = shadow().querySelector('[role=status]')!.textContent!
    expect(again).not.toBe('Preferences saved')
    expect(again.trim()).toBe('Preferences saved')
  })

  it('a category switch moves its service switches with it', () => {
    make(config).showPreferences()
    let [, performance, ga4] = view()!.querySelectorAll('input')
    performance.click()
    expect(ga4.checked).toBe(true)
  })

  it('in opt-out mode with GPC, states that the signal was honoured (role=status) and shows marketing off', () => {
    setGpc(true)
    let m = make({ mode: 'opt-out' })
    expect(hosts()).toHaveLength(0)
    m.showPreferences()
    let note = view()!.querySelector('[role=status]')!
    expect(note.textContent).toBe(en.preferences.gpc)
    expect(view()!.querySelectorAll('input')[2].checked).toBe(false)
  })

  it('opt-out mode shows the notice with a Do Not Sell or Share trigger that denies marketing in one step', () => {
    let m = make({ mode: 'opt-out' })
    expect(view()!.textContent).toContain(en.banner.notice)
    press(en.preferences.doNotSell)
    expect(m.getConsent()).toMatchObject({ decided: true, categories: { marketing: false, performance: true } })
  })
})

describe('consent receipt', () => {
  const receipt = () => view()!.querySelector('[part=receipt]')
  const decided = (config: ChartoConfig) => {
    let m = make(config)
    m.rejectAll()
    m.showPreferences()
    return m
  }

  it('with records.endpoint, the preferences show the consent id and link to <endpoint>/<id>/receipt', () => {
    let m = decided({ records: { endpoint: 'https://consent.example.com/consent-records/' } })
    let id = m.getConsent().id!
    expect(id).toMatch(/^[0-9a-f-]{36}$/)
    expect(receipt()!.textContent).toBe(`Your consent ID: ${id} View your consent receipt`)
    let link = receipt()!.querySelector('a')!
    expect(link.textContent).toBe(en.preferences.receipt)
    expect(link.getAttribute('href')).toBe(`https://consent.example.com/consent-records/${id}/receipt`)
    // the receipt link comes before the buttons, so Save choices stays the last control
    expect(view()!.querySelectorAll('a[href],button')[view()!.querySelectorAll('a[href],button').length - 1].textContent).toBe('Save choices')
  })

  it('resolves a relative endpoint against the page and keeps its query', () => {
    let m = decided({ records: { endpoint: '/consent-records?site=shop' } })
    expect(receipt()!.querySelector('a')!.href).toBe(new URL(`/consent-records/${m.getConsent().id}/receipt?site=shop`, location.href).href)
  })

  it('encodes the id and shows it as text', () => {
    let m = decided({ records: { endpoint: 'https://consent.example.com/r' } })
    m.hide()
    vi.spyOn(m, 'getConsent').mockReturnValue({ ...m.getConsent(), id: XSS + '/../x?y#z' })
    m.showPreferences()
    expect(receipt()!.querySelector('img')).toBeNull()
    expect(receipt()!.firstChild!.textContent).toContain(XSS + '/../x?y#z')
    expect(receipt()!.querySelector('a')!.getAttribute('href')).toBe(
      'https://consent.example.com/r/' + encodeURIComponent(XSS + '/../x?y#z').replace(/'/g, '%27') + '/receipt'
    )
  })

  it('shows nothing without an endpoint, before a decision, or for an endpoint that is not http(s)', () => {
    make({ records: { endpoint: 'https://consent.example.com/r' } }).showPreferences()
    expect(receipt()).toBeNull()
    for (let m of managers) m.destroy()
    decided({})
    expect(receipt()).toBeNull()
    for (let endpoint of ['javascript:alert(1)//', 'data:text/html,x', 'ftp://example.com/r']) {
      for (let m of managers) m.destroy()
      document.body.innerHTML = ''
      decided({ records: { endpoint } })
      expect(receipt(), endpoint).toBeNull()
    }
  })

  it('speaks the visitor\'s language', () => {
    document.documentElement.lang = 'de'
    let m = decided({ translations: { de }, records: { endpoint: 'https://consent.example.com/r' } })
    expect(receipt()!.textContent).toBe(de.preferences.consentId.replace('{id}', m.getConsent().id!) + ' ' + de.preferences.receipt)
  })
})

describe('action hooks (data-charto-action)', () => {
  const ACTIONS = ['accept-all', 'reject-all', 'preferences', 'save', 'close', 'load', 'do-not-sell']
  /** [action, part] of every button in a shadow root. */
  const hooks = (root: ParentNode = shadow()) => [...root.querySelectorAll('button')].map((b) => [b.getAttribute('data-charto-action'), b.getAttribute('part')])
  const act = (action: string, root: ParentNode = shadow()) => root.querySelector<HTMLButtonElement>(`[data-charto-action="${action}"]`)!.click()

  it('every button of the banner and the preferences carries its action, and a part of its own beside "button"', () => {
    let m = make({ ui: { reopenButton: true } })
    expect(hooks()).toEqual([
      ['accept-all', 'button accept-all'],
      ['reject-all', 'button reject-all'],
      ['preferences', 'button preferences-button'],
      ['preferences', 'reopen']
    ])
    act('preferences')
    expect(view()!.getAttribute('part')).toBe('preferences')
    expect(hooks()).toEqual([
      ['close', 'close'],
      ['accept-all', 'button accept-all'],
      ['reject-all', 'button reject-all'],
      ['save', 'button save'],
      ['preferences', 'reopen']
    ])
    act('close')
    expect(view()!.getAttribute('part')).toBe('banner')
    act('reject-all')
    expect(m.getConsent()).toMatchObject({ decided: true, method: 'reject-all' })
    m.showPreferences()
    view()!.querySelectorAll('input')[1].click()
    act('save')
    expect(m.getConsent()).toMatchObject({ method: 'custom', categories: { performance: true } })
    m.showPreferences()
    act('accept-all')
    expect(m.getConsent()).toMatchObject({ method: 'accept-all', categories: { marketing: true } })
    for (let [action] of hooks()) expect(ACTIONS).toContain(action)
  })

  it("opt-out mode's Do Not Sell or Share button carries do-not-sell, and answers like a page's data-charto-do-not-sell", () => {
    let m = make({ mode: 'opt-out' })
    expect(hooks()).toEqual([
      ['accept-all', 'button accept-all'],
      ['reject-all', 'button reject-all'],
      ['preferences', 'button preferences-button'],
      ['do-not-sell', 'link']
    ])
    act('do-not-sell')
    expect(m.getConsent()).toMatchObject({ decided: true, categories: { marketing: false, performance: true } })
  })

  it('a placeholder offers load and preferences', () => {
    let m = make({ services: { youtube: { category: 'marketing' } } })
    let frame = document.createElement('iframe')
    document.body.append(frame)
    emit('blocked', { element: frame, categories: ['marketing'], service: 'youtube' })
    let card = frame.previousElementSibling!.shadowRoot!
    expect(hooks(card)).toEqual([
      ['load', 'button load'],
      ['preferences', 'button preferences-button']
    ])
    act('load', card)
    expect(m.getConsent().services.youtube).toBe(true)
  })
})

describe('page hooks', () => {
  it('any [data-charto-open], even added later, opens the preferences; focus returns to it', () => {
    let m = make()
    m.acceptAll()
    let a = document.createElement('a')
    a.href = '#'
    a.setAttribute('data-charto-open', '')
    a.textContent = 'Cookie settings'
    document.body.append(a)
    a.click()
    expect(view()!.getAttribute('part')).toBe('preferences')
    expect([...view()!.querySelectorAll('input')].map((i) => i.checked)).toEqual([true, true, true, true])
    press('Close')
    expect(view()).toBeNull()
    expect(document.activeElement).toBe(a)
  })

  it('Escape from preferences opened by a page link while the banner shows: back to the banner, focus on the link', () => {
    let m = make()
    let a = document.createElement('a')
    a.href = '#'
    a.setAttribute('data-charto-open', '')
    document.body.append(a)
    a.focus()
    a.click()
    expect(view()!.getAttribute('part')).toBe('preferences')
    view()!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }))
    expect(view()!.getAttribute('part')).toBe('banner')
    expect(m.getConsent().decided).toBe(false)
    expect(document.activeElement).toBe(a)
    // opened from the banner itself, focus goes back to the banner's Preferences button
    let prefs = [...view()!.querySelectorAll('button')].find((b) => b.textContent == 'Preferences')!
    prefs.focus()
    prefs.click()
    view()!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }))
    expect(shadow().activeElement?.textContent).toBe('Preferences')
  })

  it('[data-charto-do-not-sell] denies marketing in one step', () => {
    let m = make({ mode: 'opt-out' })
    let b = document.createElement('button')
    b.setAttribute('data-charto-do-not-sell', '')
    document.body.append(b)
    b.click()
    expect(m.getConsent()).toMatchObject({ method: 'custom', categories: { marketing: false } })
  })

  it('the optional reopen button opens the preferences', () => {
    let m = make({ ui: { reopenButton: true } })
    m.acceptAll()
    let fab = shadow().querySelector<HTMLButtonElement>('[part=reopen]')!
    expect(fab.getAttribute('aria-label')).toBe('Cookie preferences')
    fab.click()
    expect(view()!.getAttribute('part')).toBe('preferences')
  })
})

describe('setLanguage', () => {
  it('keeps unsaved switches and open sections when the language changes with the preferences open', () => {
    let m = make({ services: { ga4: { category: 'performance' } }, translations: { de: { preferences: { save: 'Auswahl speichern' } } } })
    m.showPreferences()
    let inputs = () => [...view()!.querySelectorAll('input')]
    inputs()[1].click() // performance on, not saved
    view()!.querySelector('details')!.open = true
    m.setLanguage('de')
    expect(view()!.textContent).toContain('Auswahl speichern')
    expect(inputs().map((input) => input.checked)).toEqual([true, true, true, false, false])
    expect(view()!.querySelector('details')!.open).toBe(true)
    expect(m.getConsent().decided).toBe(false)
  })
})

describe('placeholders', () => {
  it('draws a placeholder for a blocked embed that names the service and grants it in place', () => {
    let m = make({ services: { youtube: { category: 'marketing', label: 'YouTube' } } })
    m.acceptAll()
    m.reset()
    m.rejectAll()
    let frame = document.createElement('video')
    document.body.append(frame)
    emit('blocked', { element: frame, categories: ['marketing'], service: 'youtube' })
    let card = document.querySelectorAll('charto-ui')[1].shadowRoot!
    expect(card.textContent).toContain('YouTube (Marketing)')
    expect(frame.style.display).toBe('none')
    press('Load this content', card)
    expect(m.getConsent().services.youtube).toBe(true)
    expect(m.getConsent().categories.marketing).toBe(false)
    emit('unblocked', { element: frame })
    expect(frame.style.display).toBe('')
    expect(hosts()).toHaveLength(1)
  })

  it('the placeholder carries the language and dir=rtl for RTL languages', () => {
    let m = make({ language: 'ar', translations: { ar: { placeholder: { text: 'محظور {service}' } } } })
    let frame = document.createElement('video')
    document.body.append(frame)
    emit('blocked', { element: frame, categories: ['functional'] })
    let card = frame.previousElementSibling!.shadowRoot!.querySelector('[part=placeholder]')!
    expect([card.getAttribute('lang'), card.getAttribute('dir')]).toEqual(['ar', 'rtl'])
  })

  it('each placeholder is a group named by its own text, so its buttons say which embed they load', () => {
    let m = make({ services: { maps: { category: 'functional', label: 'Maps' } } })
    let frame = document.createElement('iframe')
    document.body.append(frame)
    emit('blocked', { element: frame, categories: ['functional'], service: 'maps' })
    let root = frame.previousElementSibling!.shadowRoot!
    let card = root.querySelector('[part=placeholder]')!
    expect(card.getAttribute('role')).toBe('group')
    expect(root.getElementById(card.getAttribute('aria-labelledby')!)!.textContent).toContain('Maps')
  })

  it('shows labels literally, even with replacement patterns such as $& in them', () => {
    let m = make({ services: { ads: { category: 'marketing', label: 'Ads $& $` co' } } })
    let frame = document.createElement('iframe')
    document.body.append(frame)
    emit('blocked', { element: frame, categories: ['marketing'], service: 'ads' })
    let card = frame.previousElementSibling!.shadowRoot!.querySelector('[part=placeholder]')!
    expect(card.textContent).toContain('Ads $& $` co')
  })

  it('grants the category when the embed has no service', () => {
    let m = make()
    let frame = document.createElement('video')
    document.body.append(frame)
    emit('blocked', { element: frame, categories: ['functional'] })
    press('Load this content', frame.previousElementSibling!.shadowRoot!)
    expect(m.getConsent().categories.functional).toBe(true)
  })

  it('offers only the preferences for an embed it cannot grant in place: "!marketing" or a misspelt category', () => {
    let m = make()
    for (let categories of [['!marketing'], ['marketting'], ['constructor']]) {
      let frame = document.createElement('iframe')
      document.body.append(frame)
      emit('blocked', { element: frame, categories })
      let card = frame.previousElementSibling!.shadowRoot!
      expect([...card.querySelectorAll('button')].map((b) => b.textContent)).toEqual(['Preferences'])
    }
    expect(m.getConsent().decided).toBe(false)
  })
})

describe('text safety', () => {
  it('renders HTML in every configurable string as inert text', () => {
    let strings = (dict: any): any =>
      Object.fromEntries(Object.entries(dict).map(([k, v]) => [k, typeof v == 'string' ? XSS + k : strings(v)]))
    let m = make({
      privacyPolicyUrl: 'javascript:alert(1)',
      // Cookie names must be real names or /regex/ strings; a regex can still carry markup.
      categories: { performance: { label: XSS, description: XSS, cookies: [{ name: `/${XSS}/`, provider: XSS, purpose: XSS, duration: XSS }] } },
      services: { ga: { category: 'performance', label: XSS, description: XSS, provider: XSS, cookies: [`/${XSS}/`] } },
      translations: { en: strings(en) }
    })
    let frame = document.createElement('video')
    document.body.append(frame)
    emit('blocked', { element: frame, categories: ['performance'], service: 'ga' })
    m.showPreferences()
    let roots = hosts().map((h) => h.shadowRoot!)
    m.show()
    roots.push(shadow())
    for (let root of roots) {
      expect(root.querySelector('img,[onerror],script')).toBeNull()
      expect(root.querySelector('a[href^=javascript]')).toBeNull()
    }
    expect(shadow().textContent).toContain(XSS)
    expect((window as any).pwned).toBeUndefined()
  })

  it('makes links only from [label](url) with http(s), mailto or relative URLs', () => {
    make({ translations: { en: { banner: { description: 'See [ours](https://a.example/p), [x](javascript:alert(1)) and [y](/rel).' } } } })
    let links = [...view()!.querySelectorAll('a')].map((a) => [a.textContent, a.getAttribute('href')])
    expect(links).toEqual([
      ['ours', 'https://a.example/p'],
      ['y', '/rel']
    ])
    expect(view()!.textContent).toContain('See ours, x) and y.')
    for (let url of ['https://x', 'http://x', 'mailto:a@b', '/p', 'p/q', '#f', '?q', '//x.example']) expect(safeUrl(url), url).toBe(true)
    for (let url of ['javascript:x', 'JavaScript:x', ' javascript:x', 'java\tscript:x', 'data:text/html,x', 'vbscript:x', 'ftp://x']) {
      expect(safeUrl(url), url).toBe(false)
    }
  })
})

describe('i18n', () => {
  it('picks <html lang> among the registered translations and sets lang on the dialog', () => {
    document.documentElement.lang = 'de-AT'
    let m = make({ translations: { de } })
    expect(buttons()).toEqual([de.banner.acceptAll, de.banner.rejectAll, de.banner.preferences])
    expect(view()!.getAttribute('lang')).toBe('de')
    // The state and the record name the language the visitor was shown.
    expect(m.getConsent().language).toBe('de')
    m.rejectAll()
    expect(m.getConsent().language).toBe('de')
  })

  it('falls back to navigator.languages, then English', () => {
    document.documentElement.lang = 'xx'
    vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['fr-CA', 'de'])
    make({ translations: { de } })
    expect(view()!.getAttribute('lang')).toBe('de')
    for (let m of managers) m.destroy()
    document.body.innerHTML = ''
    make({})
    expect(view()!.getAttribute('lang')).toBe('en')
  })

  it('overrides English key by key and keeps the rest', () => {
    make({ translations: { en: { banner: { acceptAll: 'Allow all' } } } })
    expect(buttons()).toEqual(['Allow all', 'Reject all', 'Preferences'])
  })

  it('setLanguage switches at runtime; RTL languages get dir=rtl', () => {
    let m = make({ translations: { de, ar: { banner: { title: 'ملفات تعريف الارتباط' } } } })
    m.setLanguage('de')
    expect(buttons()).toContain(de.banner.rejectAll)
    m.setLanguage('ar')
    expect(view()!.getAttribute('dir')).toBe('rtl')
    expect(view()!.querySelector('h2')!.textContent).toBe('ملفات تعريف الارتباط')
  })

  it('setLanguage keeps the open view and its way back', () => {
    let m = make({ translations: { de } })
    press('Preferences')
    m.setLanguage('de')
    expect(view()!.querySelector('h2')!.textContent).toBe(de.preferences.title)
    view()!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }))
    expect(view()!.getAttribute('part')).toBe('banner')
    expect(view()!.getAttribute('lang')).toBe('de')
  })

  it('ships Arabic and Hebrew with every key, shown right to left', async () => {
    for (let code of ['ar', 'he']) {
      let dict = (await import(`./i18n/${code}.ts`)).default
      let keys = (d: any, p = ''): string[] => Object.entries(d).flatMap(([k, v]) => (typeof v == 'string' ? [p + k] : keys(v, p + k + '.')))
      expect(keys(dict), code).toEqual(keys(en))
      document.documentElement.lang = code
      let m = make({ translations: { [code]: dict } })
      expect(view()!.getAttribute('dir'), code).toBe('rtl')
      expect(buttons(), code).toEqual([dict.banner.acceptAll, dict.banner.rejectAll, dict.banner.preferences])
      m.destroy()
    }
  })

  it('ships every EU language with every key', async () => {
    let codes = 'bg cs da de el en es et fi fr ga hr hu it lt lv mt nl pl pt ro sk sl sv'.split(' ')
    let keys = (d: any, p = ''): string[] => Object.entries(d).flatMap(([k, v]) => (typeof v == 'string' ? [p + k] : keys(v, p + k + '.')))
    for (let code of codes) {
      let dict = (await import(`./i18n/${code}.ts`)).default
      expect(keys(dict), code).toEqual(keys(en))
    }
  })
})
