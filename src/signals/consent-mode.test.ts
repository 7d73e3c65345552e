import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import Cookies from 'js-cookie'
import { createConsent, type ConsentManager, type Extension } from '../core/consent.js'
import type { ChartoConfig } from '../core/types.js'
import { consentMode, consentModeState, gtag } from './consent-mode.js'

const KEYS = ['ad_storage', 'ad_user_data', 'ad_personalization', 'analytics_storage', 'functionality_storage', 'personalization_storage', 'security_storage']
let managers: ConsentManager[] = []
let make = (config: ChartoConfig = {}, extensions: Extension[] = [consentMode]) => {
  let manager = createConsent({ googleConsentMode: true, ...config }, extensions)
  managers.push(manager)
  return manager
}
let w = window as any
/** dataLayer entries as plain arrays / objects, for comparison. */
let entries = () => w.dataLayer.map((e: any) => (Object.prototype.toString.call(e) === '[object Arguments]' ? [...e] : e))
let consents = () => entries().filter((e: any) => Array.isArray(e) && e[0] === 'consent')
let setGpc = (value: boolean | undefined) => Object.defineProperty(navigator, 'globalPrivacyControl', { value, configurable: true })
let all = (value: string, overrides: Record<string, string> = {}) => ({ ...Object.fromEntries(KEYS.map((k) => [k, value])), ...overrides })

beforeEach(() => {
  for (let name of Object.keys(Cookies.get())) Cookies.remove(name)
  localStorage.clear()
  delete w.dataLayer
})
afterEach(() => {
  for (let manager of managers) manager.destroy()
  managers = []
  setGpc(undefined)
})

describe('Consent Mode v2', () => {
  it('pushes default with all 7 keys synchronously, denied in opt-in except security_storage', () => {
    make()
    expect(entries()).toEqual([['consent', 'default', all('denied', { security_storage: 'granted' })]])
  })

  it('default comes before the page\'s own config pushed after init', () => {
    make()
    gtag('config', 'G-TEST')
    expect(entries().map((e: any[]) => e[0] + ':' + e[1])).toEqual(['consent:default', 'config:G-TEST'])
  })

  it('pushes Arguments objects, not arrays (gtag.js ignores arrays)', () => {
    make()
    expect(w.dataLayer).toHaveLength(1)
    expect(Object.prototype.toString.call(w.dataLayer[0])).toBe('[object Arguments]')
    expect(Array.isArray(w.dataLayer[0])).toBe(false)
  })

  it('keeps an existing dataLayer (same array, earlier entries kept)', () => {
    let existing = [{ event: 'gtm.js' }]
    w.dataLayer = existing
    make()
    expect(w.dataLayer).toBe(existing)
    expect(existing[0]).toEqual({ event: 'gtm.js' })
    expect(existing).toHaveLength(2)
  })

  it('opt-out mode defaults to granted', () => {
    make({ mode: 'opt-out' })
    expect(consents()).toEqual([['consent', 'default', all('granted')]])
  })

  it('opt-out mode with GPC defaults marketing keys to denied and updates for the GPC decision', () => {
    setGpc(true)
    make({ mode: 'opt-out' })
    let marketingDenied = all('granted', { ad_storage: 'denied', ad_user_data: 'denied', ad_personalization: 'denied' })
    expect(consents()).toEqual([
      ['consent', 'default', marketingDenied],
      ['consent', 'update', marketingDenied]
    ])
  })

  it('GPC overriding a stored marketing grant pushes one denied update, never a granted one', () => {
    make({ mode: 'opt-out' }, []).acceptAll()
    setGpc(true)
    delete w.dataLayer
    let states: any[] = []
    let manager = createConsent({ mode: 'opt-out', googleConsentMode: true }, [consentMode, ({ manager }) => void manager.on('consent', (s) => states.push(s))])
    managers.push(manager)
    let marketingDenied = all('granted', { ad_storage: 'denied', ad_user_data: 'denied', ad_personalization: 'denied' })
    expect(consents()).toEqual([
      ['consent', 'default', marketingDenied],
      ['consent', 'update', marketingDenied]
    ])
    expect(entries().filter((e: any) => e.event).map((e: any) => e.charto.marketing)).toEqual(['denied'])
    // `consent` still fires for the returning visitor, with the state in force (marketing denied by GPC)
    expect(states).toHaveLength(1)
    expect(states[0]).toMatchObject({ method: 'gpc', categories: { marketing: false } })
  })

  it('a returning visitor gets default then update in the same synchronous init, on every load', () => {
    make({}, []).acceptAll()
    for (let load = 0; load < 2; load++) {
      delete w.dataLayer
      make()
      expect(consents()).toEqual([
        ['consent', 'default', all('denied', { security_storage: 'granted' })],
        ['consent', 'update', all('granted')]
      ])
    }
  })

  it('each change pushes exactly one update with every mapped key', () => {
    let manager = make()
    manager.acceptAll()
    expect(consents()).toHaveLength(2)
    expect(consents()[1]).toEqual(['consent', 'update', all('granted')])
    manager.setConsent({ marketing: false })
    expect(consents()).toHaveLength(3)
    expect(consents()[2][2]).toEqual(all('granted', { ad_storage: 'denied', ad_user_data: 'denied', ad_personalization: 'denied' }))
    manager.reset()
    expect(consents()).toHaveLength(4)
    expect(consents()[3][2]).toEqual(all('denied', { security_storage: 'granted' }))
  })

  it('the update reaches dataLayer before handlers registered after consentMode (e.g. a reload)', () => {
    let seen: number[] = []
    let later: Extension = ({ manager }) => manager.on('change', () => seen.push(consents().length))
    make({}, [consentMode, later]).acceptAll()
    expect(seen).toEqual([2])
  })

  it('wait_for_update, region, ads_data_redaction and url_passthrough are configurable', () => {
    make({ googleConsentMode: { waitForUpdate: 500, region: ['US-CA'], adsDataRedaction: true, urlPassthrough: true } })
    expect(entries()).toEqual([
      ['consent', 'default', { ...all('denied', { security_storage: 'granted' }), wait_for_update: 500, region: ['US-CA'] }],
      ['set', 'ads_data_redaction', true],
      ['set', 'url_passthrough', true]
    ])
  })

  it('default mapping: performance to analytics_storage, functional to functionality_storage and personalization_storage, marketing to the three ad_ keys, security_storage always granted', () => {
    let manager = make({ services: { ga4: { category: 'performance' } } })
    manager.setConsent({ performance: true })
    expect(consents()[1][2]).toEqual(all('denied', { security_storage: 'granted', analytics_storage: 'granted' }))
    manager.setConsent({ performance: false, functional: true })
    expect(consents()[2][2]).toEqual(all('denied', { security_storage: 'granted', functionality_storage: 'granted', personalization_storage: 'granted' }))
    manager.setConsent({ functional: false, marketing: true })
    expect(consents()[3][2]).toEqual(all('denied', { security_storage: 'granted', ad_storage: 'granted', ad_user_data: 'granted', ad_personalization: 'granted' }))
  })

  it('mapping is overridable per key, to a category or a service', () => {
    let manager = make({
      services: { ga4: { category: 'performance' } },
      googleConsentMode: { mapping: { ad_personalization: 'functional', analytics_storage: 'ga4' } }
    })
    manager.setConsent({ functional: true, ga4: true })
    expect(consents()[1][2]).toMatchObject({ ad_personalization: 'granted', analytics_storage: 'granted', ad_storage: 'denied', ad_user_data: 'denied' })
  })

  it('a misspelt key or id, or a wrong type, is a configuration error with its path, never a silent denial', () => {
    let paths = (googleConsentMode: unknown) => {
      try {
        make({ services: { ga4: { category: 'performance' } }, googleConsentMode } as any)
      } catch (error) {
        return (error as any).problems.map((p: any) => p.path)
      }
    }
    expect(paths({ mapping: { analytics_storage: 'analytcs', ad_user_data: 'constructor', analytic_storage: 'ga4' } })).toEqual([
      'googleConsentMode.mapping.analytics_storage',
      'googleConsentMode.mapping.ad_user_data',
      'googleConsentMode.mapping.analytic_storage'
    ])
    expect(paths({ mappings: {}, waitForUpdate: '500', region: 'US-CA', urlPassthrough: 1 })).toEqual([
      'googleConsentMode.mappings',
      'googleConsentMode.waitForUpdate',
      'googleConsentMode.region',
      'googleConsentMode.urlPassthrough'
    ])
  })

  it('consentModeState is pure', () => {
    let state = { categories: { necessary: true, marketing: true }, services: {} } as any
    expect(consentModeState(state)).toMatchObject({ ad_storage: 'granted', analytics_storage: 'denied', security_storage: 'granted' })
  })

  it('pushes the nested charto_consent event for tag-manager triggers per decision and on each page load with a decision', () => {
    let manager = make()
    expect(entries().filter((e: any) => e.event)).toEqual([])
    manager.setConsent({ performance: true })
    let events = () => entries().filter((e: any) => e.event)
    expect(events()).toEqual([
      { event: 'charto_consent', charto: { necessary: 'granted', performance: 'granted', marketing: 'denied', functional: 'denied' } }
    ])
    // the event follows its update
    let last = entries().slice(-2)
    expect(last[0].slice(0, 2)).toEqual(['consent', 'update'])
    delete w.dataLayer
    make()
    expect(events()).toHaveLength(1)
  })

  it('does nothing without googleConsentMode', () => {
    make({ googleConsentMode: undefined }).acceptAll()
    expect(w.dataLayer).toBeUndefined()
  })

  it('pushes an update for decisions from other tabs', () => {
    let manager = make()
    let other = make({}, [])
    other.acceptAll()
    return new Promise<void>((resolve) =>
      setTimeout(() => {
        expect(manager.getConsent().decided).toBe(true)
        expect(consents().at(-1)).toEqual(['consent', 'update', all('granted')])
        resolve()
      }, 50)
    )
  })

  it('stops on destroy', () => {
    let manager = make()
    manager.destroy()
    let length = w.dataLayer.length
    make({}, []).acceptAll()
    expect(w.dataLayer).toHaveLength(length)
  })
})

describe('a page whose dataLayer cannot take entries', () => {
  it('starts anyway, reports it, and the decision holds', () => {
    w.dataLayer = Object.freeze([])
    let reported: unknown[] = []
    let listen = (event: Event) => reported.push((event as CustomEvent).detail)
    addEventListener('charto:error', listen)
    try {
      let manager = make()
      expect(reported).toHaveLength(1)
      manager.rejectAll()
      expect(make().isGranted('marketing')).toBe(false)
    } finally {
      removeEventListener('charto:error', listen)
    }
  })
})
