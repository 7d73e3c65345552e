// Mode, region and language are the manager's state, changed through setters; the resolved configuration is frozen,
// so that no module talks to another by writing into it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import Cookies from 'js-cookie'
import { createConsent, type ConsentManager, type Extension, type ExtensionContext } from './consent.js'
import { resolveConfig } from './config.js'
import type { ChartoConfig, ChartoEvents } from './types.js'
import { regions, consentMode, vendors, records } from '../signals/index.js'
import { blocker } from '../blocker/index.js'
import { ui, type UiManager } from '../ui/index.js'
import de from '../ui/i18n/de.js'

let managers: ConsentManager[] = []
afterEach(() => {
  for (let manager of managers) manager.destroy()
  managers = []
})
beforeEach(() => {
  for (let name of Object.keys(Cookies.get())) Cookies.remove(name)
  localStorage.clear()
  document.body.innerHTML = ''
  document.documentElement.lang = 'en'
})

/** Every object and array reachable from `value` (functions are the host's and stay as given). */
const objectsIn = (value: unknown, seen = new Set<object>()): object[] => {
  if (value && typeof value == 'object' && !seen.has(value)) {
    seen.add(value)
    for (let key of Object.keys(value)) objectsIn((value as any)[key], seen)
  }
  return [...seen]
}

const CONFIG: ChartoConfig = {
  services: { ga4: { category: 'performance', cookies: ['_ga'], scripts: ['*.google-analytics.test/*'], onAccept() {} } },
  categories: { marketing: { cookies: [{ name: '_fbp', provider: 'Meta' }] } },
  googleConsentMode: { mapping: { ad_personalization: 'functional' }, region: ['DE'] },
  vendors: ['uet'],
  regions: { EU: { mode: 'opt-in' }, default: { mode: 'opt-out' } },
  translations: { de },
  ui: { layout: 'bar' },
  language: 'auto',
  onRecord() {}
}

describe('the resolved configuration', () => {
  it('is frozen, nested objects and lists included, and a write throws', () => {
    let config = resolveConfig(CONFIG)
    let objects = objectsIn(config)
    expect(objects.length).toBeGreaterThan(10)
    expect(objects.filter((object) => !Object.isFrozen(object))).toEqual([])
    expect(() => ((config as any).mode = 'opt-out')).toThrow(TypeError)
    expect(() => ((config.categories as any).extra = {})).toThrow(TypeError)
    expect(() => (config.services.ga4.cookies as string[]).push('_gid')).toThrow(TypeError)
  })

  it("leaves the host's own objects as they were: frozen copies, not the host's configuration", () => {
    let host = { ui: { layout: 'bar' as const }, services: { ga4: { category: 'performance', cookies: ['_ga'] } } }
    resolveConfig(host)
    expect(objectsIn(host).filter((object) => Object.isFrozen(object))).toEqual([])
    host.ui.layout = 'box' as any
    host.services.ga4.cookies.push('_gid')
  })

  it('is written by no module: every extension starts, decides, switches language and region, and resets', async () => {
    let lookup!: (region: string) => void
    let context!: ExtensionContext
    let capture: Extension = (given) => void (context = given)
    let manager = createConsent({ ...CONFIG, region: () => new Promise<string>((resolve) => (lookup = resolve)) }, [
      regions,
      consentMode,
      vendors,
      records,
      blocker,
      ui,
      capture
    ]) as UiManager
    managers.push(manager)
    let errors: unknown[] = []
    manager.on('error', (error) => errors.push(error))
    manager.acceptAll()
    manager.setLanguage('de')
    manager.showPreferences()
    lookup('US-CA')
    await Promise.resolve()
    await Promise.resolve()
    manager.reset()
    manager.rejectAll()
    context.setMode('opt-in')
    expect(errors).toEqual([])
    expect(objectsIn(manager.config).filter((object) => !Object.isFrozen(object))).toEqual([])
    expect(manager.config.mode).toBe('opt-in')
    expect(manager.config.language).toBe('auto')
  })
})

describe('mode, region and language', () => {
  it('are read from the manager and change through setters, each with its event', async () => {
    let lookup!: (region: string) => void
    let heard: [keyof ChartoEvents, unknown][] = []
    let listen: Extension = ({ manager }) => {
      for (let event of ['mode', 'region', 'language'] as const) manager.on(event, (value: unknown) => heard.push([event, value]))
    }
    let manager = createConsent({ regions: { default: { mode: 'opt-out' }, EU: { mode: 'opt-in' } }, region: () => new Promise<string>((resolve) => (lookup = resolve)) }, [
      listen,
      regions
    ])
    managers.push(manager)
    // A pending lookup starts opt-in, with no region.
    expect([manager.mode, manager.region, manager.language]).toEqual(['opt-in', null, null])
    lookup('us-ca')
    await Promise.resolve()
    await Promise.resolve()
    expect([manager.mode, manager.region]).toEqual(['opt-out', 'US-CA'])
    expect(manager.getConsent()).toMatchObject({ region: 'US-CA', categories: { marketing: true } })
    manager.setLanguage('fr')
    manager.setLanguage('fr')
    expect(manager.language).toBe('fr')
    expect(manager.getConsent().language).toBe('fr')
    expect(heard).toEqual([
      ['region', 'US-CA'],
      ['mode', 'opt-out'],
      ['language', 'fr']
    ])
  })

  it('setLanguage reports an argument that is not a code as an error event naming it, never throws, and keeps the language', () => {
    let manager = createConsent({ language: 'de' })
    managers.push(manager)
    let errors: string[] = []
    manager.on('error', (error) => errors.push((error as Error).message))
    for (let code of [3, '', null, undefined]) expect(() => manager.setLanguage(code as any)).not.toThrow()
    expect(errors).toHaveLength(4)
    expect(errors[0]).toMatch(/setLanguage: the code must be 'auto' or a language code such as 'de', got 3/)
    expect(manager.language).toBe('de')
  })

  it('the dialog reports the language it shows, and draws itself again when it changes', () => {
    let manager = createConsent({ translations: { de }, language: 'auto' }, [ui]) as UiManager
    managers.push(manager)
    expect(manager.language).toBe('en')
    let banner = () => document.querySelector('charto-ui')!.shadowRoot!.querySelector('section')!
    expect(banner().getAttribute('lang')).toBe('en')
    manager.setLanguage('de')
    expect(banner().getAttribute('lang')).toBe('de')
    expect(banner().querySelector('h2')!.textContent).toBe(de.banner!.title)
    // A language without a translation falls back to English, and the manager reports what is shown.
    manager.setLanguage('xx')
    expect([manager.language, banner().getAttribute('lang')]).toEqual(['en', 'en'])
  })
})
