import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import Cookies from 'js-cookie'
import { createConsent, type ConsentManager, type Extension } from '../core/consent.js'
import type { ChartoConfig } from '../core/types.js'
import { clarity, meta, uet, vendors } from './vendors.js'

let managers: ConsentManager[] = []
let make = (config: ChartoConfig = {}, extensions: Extension[] = [vendors]) => {
  let manager = createConsent({ vendors: ['uet', 'clarity', 'meta'], ...config }, extensions)
  managers.push(manager)
  return manager
}
let w = window as any
let args = (list: any[]) => list.map((e) => [...e])
let setGpc = (value: boolean | undefined) => Object.defineProperty(navigator, 'globalPrivacyControl', { value, configurable: true })

beforeEach(() => {
  for (let name of Object.keys(Cookies.get())) Cookies.remove(name)
  localStorage.clear()
  for (let key of ['uetq', 'clarity', 'fbq', '_fbq']) delete w[key]
})
afterEach(() => {
  for (let manager of managers) manager.destroy()
  managers = []
  setGpc(undefined)
})

describe('Microsoft UET', () => {
  it('pushes consent default at setup and update per decision into uetq', () => {
    let manager = make({}, [uet])
    expect(w.uetq).toEqual(['consent', 'default', { ad_storage: 'denied' }])
    manager.acceptAll()
    expect(w.uetq.slice(3)).toEqual(['consent', 'update', { ad_storage: 'granted' }])
    manager.setConsent({ marketing: false })
    expect(w.uetq.slice(6)).toEqual(['consent', 'update', { ad_storage: 'denied' }])
  })

  it('keeps an existing uetq and calls a loaded UET through its push', () => {
    let push = vi.fn()
    w.uetq = { push }
    make({}, [uet])
    expect(push).toHaveBeenCalledWith('consent', 'default', { ad_storage: 'denied' })
  })

  it('a returning visitor gets default then update at init', () => {
    make({}, []).acceptAll()
    make({}, [uet])
    expect(w.uetq).toEqual(['consent', 'default', { ad_storage: 'denied' }, 'consent', 'update', { ad_storage: 'granted' }])
  })
})

describe('Microsoft Clarity', () => {
  it('queues consentv2 (capital S keys) in the documented stub before Clarity loads', () => {
    let manager = make({}, [clarity])
    expect(typeof w.clarity).toBe('function')
    expect(args(w.clarity.q)).toEqual([['consentv2', { ad_Storage: 'denied', analytics_Storage: 'denied' }]])
    expect(Object.prototype.toString.call(w.clarity.q[0])).toBe('[object Arguments]')
    manager.setConsent({ performance: true })
    expect(args(w.clarity.q)[1]).toEqual(['consentv2', { ad_Storage: 'denied', analytics_Storage: 'granted' }])
  })

  it('calls a loaded clarity() directly', () => {
    w.clarity = vi.fn()
    make({}, [clarity]).acceptAll()
    expect(w.clarity.mock.calls).toEqual([
      ['consentv2', { ad_Storage: 'denied', analytics_Storage: 'denied' }],
      ['consentv2', { ad_Storage: 'granted', analytics_Storage: 'granted' }]
    ])
  })
})

describe('Meta Pixel', () => {
  it('revokes on every page before the pixel initialises, grants with marketing', () => {
    let manager = make({}, [meta])
    w.fbq('init', '123')
    expect(args(w.fbq.queue)).toEqual([['consent', 'revoke'], ['init', '123']])
    manager.setConsent({ marketing: true })
    expect(args(w.fbq.queue)[2]).toEqual(['consent', 'grant'])
    manager.setConsent({ marketing: false })
    expect(args(w.fbq.queue)[3]).toEqual(['consent', 'revoke'])
  })

  it('defines a queue stub fbevents.js can take over (queue, push, loaded, version, callMethod)', () => {
    make({}, [meta])
    expect(w.fbq.push).toBe(w.fbq)
    expect(w.fbq.loaded).toBe(true)
    expect(w.fbq.version).toBe('2.0')
    expect(w._fbq).toBe(w.fbq)
    let calls: any[] = []
    w.fbq.callMethod = (...a: any[]) => calls.push(a)
    w.fbq('track', 'PageView')
    expect(calls).toEqual([['track', 'PageView']])
  })

  it('a returning visitor with marketing granted: revoke then grant, before init', () => {
    make({}, []).acceptAll()
    make({}, [meta])
    expect(args(w.fbq.queue)).toEqual([['consent', 'revoke'], ['consent', 'grant']])
  })

  it('opt-out mode grants right after the revoke; with GPC it stays revoked', () => {
    make({ mode: 'opt-out' }, [meta])
    expect(args(w.fbq.queue)).toEqual([['consent', 'revoke'], ['consent', 'grant']])
    delete w.fbq
    managers.forEach((m) => m.destroy())
    for (let name of Object.keys(Cookies.get())) Cookies.remove(name)
    setGpc(true)
    make({ mode: 'opt-out' }, [meta])
    expect(args(w.fbq.queue)).toEqual([['consent', 'revoke'], ['consent', 'revoke']])
  })

  it('GPC overriding a stored marketing grant never sends grant', () => {
    make({ mode: 'opt-out' }, []).acceptAll()
    setGpc(true)
    make({ mode: 'opt-out' }, [meta])
    expect(args(w.fbq.queue)).toEqual([['consent', 'revoke'], ['consent', 'revoke']])
  })

  it('uses an existing fbq', () => {
    w.fbq = vi.fn()
    make({}, [meta])
    expect(w.fbq).toHaveBeenCalledWith('consent', 'revoke')
  })
})

describe('vendors', () => {
  it('runs the adapters listed in config.vendors, refuses unknown names, follows the Consent Mode mapping', () => {
    expect(() => make({ vendors: ['uet', 'nope'] as any })).toThrow(/vendors: must be a list of "uet", "clarity", "meta"/)
    let manager = make({
      vendors: ['uet', 'clarity'],
      googleConsentMode: { mapping: { analytics_storage: 'functional' } }
    })
    expect(w.uetq).toBeDefined()
    expect(w.clarity).toBeDefined()
    expect(w.fbq).toBeUndefined()
    manager.setConsent({ functional: true })
    expect(args(w.clarity.q)[1]).toEqual(['consentv2', { ad_Storage: 'denied', analytics_Storage: 'granted' }])
  })

  it('does nothing without config.vendors', () => {
    make({ vendors: undefined })
    expect(w.uetq).toBeUndefined()
  })
})
