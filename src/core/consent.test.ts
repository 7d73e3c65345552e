import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import Cookies from 'js-cookie'
import { createConsent, type ConsentManager, type Extension, type ExtensionContext } from './consent.js'
import { decodeDecision, encodeDecision, type StoredDecision } from './record.js'
import type { ChartoConfig } from './types.js'

const services: ChartoConfig['services'] = {
  ga4: { category: 'performance' },
  analytics: { category: 'performance' },
  pixel: { category: 'marketing' }
}
let managers: ConsentManager[] = []
let make = (config: ChartoConfig = {}, extensions: Extension[] = []) => {
  let manager = createConsent({ services, ...config }, extensions)
  managers.push(manager)
  return manager
}
/** The prototype that defines `document.cookie`, to spy on its accessor. */
let cookieOwner = () => {
  let owner = Object.getPrototypeOf(document)
  while (!Object.getOwnPropertyDescriptor(owner, 'cookie')) owner = Object.getPrototypeOf(owner)
  return owner
}
let setGpc = (value: boolean | undefined) =>
  Object.defineProperty(navigator, 'globalPrivacyControl', { value, configurable: true })

beforeEach(() => {
  for (let name of Object.keys(Cookies.get())) Cookies.remove(name)
  localStorage.clear()
})
afterEach(() => {
  for (let manager of managers) manager.destroy()
  managers = []
  setGpc(undefined)
  vi.useRealTimers()
  vi.restoreAllMocks()
  vi.unstubAllGlobals()
})

describe('state', () => {
  it('gives undecided opt-in visitors nothing but necessary', () => {
    let state = make().getConsent()
    expect(state).toMatchObject({
      decided: false,
      categories: { necessary: true, performance: false, marketing: false, functional: false },
      services: { ga4: false, analytics: false, pixel: false },
      id: null,
      method: null,
      revision: 0,
      gpc: false
    })
  })

  it('grants everything by default in opt-out mode', () => {
    let manager = make({ mode: 'opt-out' })
    expect(manager.getConsent().categories).toEqual({ necessary: true, performance: true, marketing: true, functional: true })
    expect(manager.isGranted('pixel')).toBe(true)
  })

  it('matches ids exactly, never by substring or prototype', () => {
    let manager = make({ services: { simpleanalytics: { category: 'performance' }, analytics: { category: 'marketing' } } })
    manager.setConsent({ simpleanalytics: true })
    expect(manager.isGranted('simpleanalytics')).toBe(true)
    expect(manager.isGranted('analytics')).toBe(false)
    expect(manager.isGranted('simple')).toBe(false)
    expect(manager.isGranted('constructor')).toBe(false)
    expect(manager.isGranted('__proto__')).toBe(false)
  })
})

describe('decisions', () => {
  it('acceptAll grants everything, stores a record and fires change then consent', () => {
    let manager = make()
    let calls: string[] = []
    manager.on('change', (detail) => calls.push('change:' + detail.granted.join(',')))
    manager.on('consent', (state) => calls.push('consent:' + state.method))
    manager.acceptAll()
    expect(calls).toEqual(['change:performance,marketing,functional,ga4,analytics,pixel', 'consent:accept-all'])
    let state = manager.getConsent()
    expect(state.decided).toBe(true)
    expect(state.id).toMatch(/^[\da-f-]{36}$/)
    expect(state.createdAt).toBe(state.updatedAt)
    expect(Date.parse(state.expiresAt!) - Date.parse(state.updatedAt!)).toBe(180 * 864e5)
    expect(Cookies.get('charto_consent')).toMatch(/^2\|/)
  })

  it('rejectAll keeps necessary, revokes the rest, and is stored as durably as a grant', () => {
    let manager = make()
    manager.acceptAll()
    let revoked: string[] = []
    manager.on('change', (detail) => (revoked = detail.revoked))
    manager.rejectAll()
    expect(revoked).toEqual(['performance', 'marketing', 'functional', 'ga4', 'analytics', 'pixel'])
    expect(manager.getConsent().categories.necessary).toBe(true)
    let again = make()
    expect(again.getConsent()).toMatchObject({ decided: true, method: 'reject-all', categories: { marketing: false } })
  })

  it('keeps the consent id and first timestamp across decisions', () => {
    vi.useFakeTimers({ now: 1764000000000 })
    let manager = make()
    manager.acceptAll()
    let first = manager.getConsent()
    vi.advanceTimersByTime(60_000)
    manager.rejectAll()
    let second = manager.getConsent()
    expect(second.id).toBe(first.id)
    expect(second.createdAt).toBe(first.createdAt)
    expect(Date.parse(second.updatedAt!) - Date.parse(first.updatedAt!)).toBe(60_000)
  })

  it('decides services apart from their category, and a category choice resets them', () => {
    let manager = make()
    manager.setConsent({ ga4: true })
    expect(manager.getConsent().services).toEqual({ ga4: true, analytics: false, pixel: false })
    expect(manager.isGranted('performance')).toBe(false)
    expect(make().isGranted('ga4')).toBe(true)
    manager.setConsent({ performance: false })
    expect(manager.isGranted('ga4')).toBe(false)
    manager.setConsent({ performance: true, analytics: false })
    expect(manager.getConsent().services).toEqual({ ga4: true, analytics: false, pixel: false })
  })

  it('lets a new service inherit its category’s stored decision', () => {
    make().setConsent({ marketing: true })
    let later = make({ services: { ...services, ads: { category: 'marketing' } } })
    expect(later.isGranted('ads')).toBe(true)
  })

  it('reports unknown keys, non-booleans and refusing necessary as an error event, never throws, and changes nothing', () => {
    let manager = make()
    let errors: string[] = []
    manager.on('error', (error) => errors.push((error as Error).message))
    let calls = [
      () => manager.setConsent({ analytcs: true }),
      () => manager.setConsent({ performance: 'yes' as any }),
      () => manager.setConsent({ necessary: false }),
      () => manager.setConsent(null as any),
      () => manager.setConsent('performance' as any),
      () => manager.setConsent({ performance: true }, 'bogus' as any)
    ]
    for (let call of calls) expect(call).not.toThrow()
    expect(errors).toHaveLength(calls.length)
    expect(errors[0]).toMatch(/setConsent: "analytcs" is neither a category \(necessary,performance,marketing,functional\) nor a service/)
    expect(errors[1]).toMatch(/setConsent: "performance" must be true or false/)
    expect(errors[2]).toMatch(/setConsent: "necessary" is required/)
    expect(errors[3]).toMatch(/setConsent: the choices must be an object such as \{ performance: true \}, got null/)
    expect(errors[4]).toMatch(/got "performance"/)
    expect(errors[5]).toMatch(/setConsent: the method must be one of accept-all,reject-all,custom,api,gpc, got "bogus"/)
    expect(manager.getConsent().decided).toBe(false)
    expect(Cookies.get('charto_consent')).toBeUndefined()
  })

  it('a refusal given with a method that is not one keeps nothing it could not read back: the earlier decision holds', () => {
    let manager = make({ mode: 'opt-out' })
    manager.rejectAll()
    manager.setConsent({ marketing: true }, 'bogus' as any)
    expect(manager.isGranted('marketing')).toBe(false)
    // What the next page reads.
    expect([make({ mode: 'opt-out' }).getConsent().method, make({ mode: 'opt-out' }).isGranted('marketing')]).toEqual(['reject-all', false])
  })

  it('records the method', () => {
    let manager = make()
    manager.setConsent({ performance: true })
    expect(manager.getConsent().method).toBe('api')
    manager.setConsent({ performance: true }, 'custom')
    expect(manager.getConsent().method).toBe('custom')
  })

  it('reset forgets the decision and revokes what was granted', () => {
    let manager = make()
    manager.acceptAll()
    let firstId = manager.getConsent().id
    let detail: any
    manager.on('change', (d) => (detail = d))
    manager.reset()
    expect(detail.consent.decided).toBe(false)
    expect(detail.revoked).toContain('marketing')
    // What is stored now is the reset itself, so that no tab elsewhere puts the old decision back: no decision.
    expect(decodeDecision(Cookies.get('charto_consent'))).toMatchObject({ method: 'reset', granted: [] })
    expect(make().getConsent().decided).toBe(false)
    let consent = vi.fn()
    manager.on('consent', consent)
    manager.rejectAll()
    expect(consent).toHaveBeenCalledOnce()
    expect(make().getConsent().id).not.toBe(firstId)
  })

  it('dates each decision after the one it changes, even within one millisecond, so no two share id and time', () => {
    vi.useFakeTimers({ now: 1764000000000, toFake: ['Date'] })
    let manager = make()
    let seen: string[] = []
    manager.on('change', ({ consent }) => seen.push(consent.id + ' ' + consent.updatedAt))
    manager.acceptAll()
    manager.setConsent({ marketing: false })
    manager.rejectAll()
    expect(new Set(seen).size).toBe(3)
    expect(seen.map((entry) => Date.parse(entry.split(' ')[1]) - 1764000000000)).toEqual([0, 1, 2])
    // The clock catches up: the next decision is dated by it again.
    vi.setSystemTime(1764000000100)
    manager.acceptAll()
    expect(manager.getConsent().updatedAt).toBe(new Date(1764000000100).toISOString())
  })

  it('does not carry on the date of a decision dated ahead (a fast clock elsewhere)', () => {
    vi.useFakeTimers({ now: 1764000000000, toFake: ['Date'] })
    let manager = make()
    manager.acceptAll()
    vi.setSystemTime(1764000000000 - 3600e3)
    manager.rejectAll()
    expect(manager.getConsent().updatedAt).toBe(new Date(1764000000000 - 3600e3).toISOString())
  })
})

describe('isGranted', () => {
  it('follows every way the state moves: decisions, reset, a late mode switch, an extension asking before the load', () => {
    Cookies.set('charto_consent', encodeDecision({ id: '0b6c5b0e-8a5e-4e7b-9f2e-2d1c3a4b5c6d', created: Date.now(), updated: Date.now(), sequence: 0, revision: 0, method: 'custom', gpc: false, granted: ['performance'], services: {}, region: '', language: '' }))
    let early: boolean[] = []
    let context: ExtensionContext | undefined
    let manager = make({}, [(given) => void early.push((context = given).manager.isGranted('performance'))])
    expect(early).toEqual([false])
    expect([manager.isGranted('performance'), manager.isGranted('ga4')]).toEqual([true, true])
    manager.setConsent({ ga4: false })
    expect([manager.isGranted('performance'), manager.isGranted('ga4')]).toEqual([true, false])
    manager.reset()
    expect(manager.isGranted('performance')).toBe(false)
    context!.setMode('opt-out')
    expect([manager.isGranted('marketing'), manager.isGranted('pixel')]).toEqual([true, true])
    manager.rejectAll()
    expect(manager.isGranted('marketing')).toBe(false)
  })
})

describe('large decisions', () => {
  it('reads back a decision of 200 services decided one by one from localStorage (no cookie size limit there)', () => {
    let many: ChartoConfig['services'] = {}
    for (let i = 0; i < 200; i++) many['service-with-a-rather-long-identifier-' + i] = { category: 'marketing' }
    let config: ChartoConfig = { storage: 'localStorage', services: many }
    let choices = Object.fromEntries(Object.keys(many).map((id, i) => [id, i % 2 == 0]))
    make(config).setConsent({ marketing: true, ...choices })
    expect(localStorage.getItem('charto_consent')!.length).toBeGreaterThan(4096)
    let again = make(config).getConsent()
    expect(again.decided).toBe(true)
    expect(again.services['service-with-a-rather-long-identifier-1']).toBe(false)
  })
})

describe('returning visitors', () => {
  it('fires consent at init and ready once, also for late ready handlers', () => {
    make().acceptAll()
    let seen: string[] = []
    let onWindow = (event: Event) => seen.push(event.type)
    for (let type of ['charto:consent', 'charto:ready']) window.addEventListener(type, onWindow)
    let manager = make()
    for (let type of ['charto:consent', 'charto:ready']) window.removeEventListener(type, onWindow)
    expect(seen).toEqual(['charto:consent', 'charto:ready'])
    let ready = vi.fn()
    manager.on('ready', ready)
    expect(ready).toHaveBeenCalledOnce()
    expect(ready.mock.calls[0][0].decided).toBe(true)
  })

  it('asks again when the revision was raised', () => {
    make({ revision: 1 }).acceptAll()
    expect(make({ revision: 1 }).getConsent().decided).toBe(true)
    expect(make({ revision: 2 }).getConsent().decided).toBe(false)
  })

  it('judges expiry from the record, not the cookie', () => {
    vi.useFakeTimers({ now: Date.parse('2026-01-01T00:00:00Z') })
    make({ storage: 'localStorage', consentLifetimeDays: 30 }).rejectAll()
    vi.setSystemTime(Date.parse('2026-01-30T23:00:00Z'))
    expect(make({ storage: 'localStorage', consentLifetimeDays: 30 }).getConsent().decided).toBe(true)
    vi.setSystemTime(Date.parse('2026-01-31T01:00:00Z'))
    expect(make({ storage: 'localStorage', consentLifetimeDays: 30 }).getConsent().decided).toBe(false)
  })

  it('a record dated in the future (edited, so it would never expire) counts as no decision', () => {
    let future = Date.now() + 400 * 864e5
    Cookies.set('charto_consent', encodeDecision({
      id: '0b6c5b0e-8a5e-4e7b-9f2e-2d1c3a4b5c6d', created: future, updated: future, sequence: 0, revision: 0,
      method: 'accept-all', gpc: false, granted: ['marketing'], services: {}, region: '', language: ''
    }))
    let manager = make()
    expect(manager.getConsent().decided).toBe(false)
    expect(manager.isGranted('marketing')).toBe(false)
  })

  it('writes the consent cookie with the documented defaults (issue 2): path=/ and SameSite=Lax, overridable', () => {
    let owner = cookieOwner()
    let descriptor = Object.getOwnPropertyDescriptor(owner, 'cookie')!
    let written: string[] = []
    vi.spyOn(owner, 'cookie', 'set').mockImplementation(function (this: Document, value: string) {
      written.push(value)
      descriptor.set!.call(this, value)
    })
    make().acceptAll()
    make({ cookie: { sameSite: 'Strict' } }).acceptAll()
    // The other writes expire older variants of the cookie first.
    let decisions = written.filter((value) => !value.startsWith('charto_consent=;'))
    expect(decisions[0]).toMatch(/^charto_consent=.*; path=\/.*; sameSite=Lax/i)
    expect(decisions[1]).toMatch(/; sameSite=Strict/i)
  })

  it('a decision is read back whatever the revision number (e.g. a Unix time)', () => {
    for (let revision of [1764000000, 2 ** 53 - 1]) {
      make({ revision: revision - 1 }).rejectAll()
      expect(make({ revision: revision - 1 }).getConsent().decided).toBe(true)
      expect(make({ revision }).getConsent().decided).toBe(false)
      // A page still on the older revision (open since before a deploy) keeps the newer revision's decision.
      make({ revision }).rejectAll()
      expect(make({ revision: revision - 1 }).getConsent().decided).toBe(true)
    }
  })

  it('a decision made with any region or language code is read back on the next load', () => {
    for (let config of [{ region: 'us-ca' }, { language: 'de.DE' }, { language: 'x'.repeat(40) }]) {
      make(config).rejectAll()
      expect(make(config).getConsent().decided).toBe(true)
      Cookies.remove('charto_consent')
    }
  })

  it('treats corrupt, tampered and foreign cookies as no decision, never as a grant', () => {
    for (let value of ['garbage', '{"marketing":true}', 'true', '1|x|y']) {
      document.cookie = 'charto_consent=' + encodeURIComponent(value) + '; path=/'
      let manager = make()
      expect(manager.getConsent().decided).toBe(false)
      expect(manager.isGranted('marketing')).toBe(false)
    }
    make().rejectAll()
    document.cookie = 'charto_consent=' + Cookies.get('charto_consent')!.replace('|1|0||', '|1|0|marketing|') + '; path=/'
    expect(make().isGranted('marketing')).toBe(false)
  })
})

describe('failures', () => {
  it('keeps the decision in memory and reports once when storage throws', () => {
    let fail = () => {
      throw new Error('SecurityError')
    }
    vi.stubGlobal('localStorage', { getItem: fail, setItem: fail, removeItem: fail })
    let manager = make({ storage: 'localStorage' })
    let errors = vi.fn()
    manager.on('error', errors)
    manager.acceptAll()
    manager.rejectAll()
    expect(errors).toHaveBeenCalledOnce()
    expect(errors.mock.calls[0][0].message).toMatch(/could not be stored/)
    expect(manager.getConsent()).toMatchObject({ decided: true, method: 'reject-all' })
  })

  it('keeps going when a handler throws', () => {
    let reported = vi.fn()
    vi.stubGlobal('reportError', reported)
    let manager = make()
    let after = vi.fn()
    manager.on('change', () => {
      throw new Error('host bug')
    })
    manager.on('change', after)
    window.addEventListener('charto:change', after)
    expect(() => manager.acceptAll()).not.toThrow()
    window.removeEventListener('charto:change', after)
    expect(after).toHaveBeenCalledTimes(2)
    expect(reported).toHaveBeenCalledOnce()
    expect(manager.isGranted('marketing')).toBe(true)
  })

  it('on() takes any event name, and its unsubscribe works at any time, without throwing', () => {
    let manager = make()
    let heard = vi.fn()
    // Names an object inherits (`constructor`) are not events, and no handler list either.
    let offInherited = manager.on('constructor' as any, heard)
    let off = manager.on('change', heard)
    // A handler added while `change` is being told hears the next one, not this one.
    let offLate = manager.on('change', () => void manager.on('change', heard))
    manager.acceptAll()
    expect(heard).toHaveBeenCalledTimes(1)
    off()
    offLate()
    manager.rejectAll()
    expect(heard).toHaveBeenCalledTimes(2)
    manager.destroy()
    expect(() => (offInherited(), off())).not.toThrow()
  })

  it('throws the validation error before touching storage', () => {
    expect(() => createConsent({ mode: 'maybe' as any })).toThrow(/mode: must be one of/)
    expect(Cookies.get('charto_consent')).toBeUndefined()
  })
})

describe('Global Privacy Control', () => {
  it('is exposed, and in opt-in mode never pre-selects marketing', () => {
    setGpc(true)
    let manager = make()
    expect(manager.getConsent()).toMatchObject({ gpc: true, decided: false, categories: { marketing: false } })
    manager.acceptAll()
    expect(manager.isGranted('marketing')).toBe(true)
    expect(manager.getConsent().method).toBe('accept-all')
  })

  it('in opt-out mode stores a gpc decision with marketing denied, without interaction', () => {
    setGpc(true)
    let changes = vi.fn()
    addEventListener('charto:change', changes)
    let manager = make({ mode: 'opt-out' })
    removeEventListener('charto:change', changes)
    expect(manager.getConsent()).toMatchObject({
      decided: true,
      method: 'gpc',
      gpc: true,
      categories: { necessary: true, performance: true, marketing: false, functional: true },
      services: { pixel: false, ga4: true }
    })
    expect(changes).toHaveBeenCalledOnce()
  })

  it('overrides a stored marketing grant, and a later load without GPC does not re-grant', () => {
    make({ mode: 'opt-out' }).setConsent({ pixel: true })
    setGpc(true)
    expect(make({ mode: 'opt-out' }).getConsent()).toMatchObject({ method: 'gpc', services: { pixel: false } })
    setGpc(false)
    expect(make({ mode: 'opt-out' }).isGranted('pixel')).toBe(false)
  })

  it('is ignored when gpc: false', () => {
    setGpc(true)
    expect(make({ mode: 'opt-out', gpc: false }).getConsent()).toMatchObject({ decided: false, gpc: true, categories: { marketing: true } })
  })
})

describe('tabs', () => {
  it('lets the later decision win in both tabs when two decide at once', async () => {
    vi.useFakeTimers({ now: 1764000000000, toFake: ['Date'] })
    let first = make()
    let second = make()
    // Waits for events, not for a fixed time (a loaded machine delivers late): the later decision reaching the first
    // tab, and both messages delivered on the tabs' channel (a probe listening beside them sees them too).
    let laterArrived = new Promise((resolve) => first.on('change', (d) => d.remote && resolve(d)))
    let probe = new BroadcastChannel('charto:charto_consent')
    let bothSent = new Promise((resolve) => {
      let seen = 0
      probe.onmessage = () => ++seen == 2 && resolve(seen)
    })
    first.rejectAll()
    vi.setSystemTime(1764000000500)
    second.acceptAll()
    // The earlier decision's message reaches the second tab and is ignored there; the later one replaces the first tab's.
    await Promise.all([laterArrived, bothSent])
    await new Promise((resolve) => setTimeout(resolve, 10))
    probe.close()
    expect(first.getConsent().method).toBe('accept-all')
    expect(second.getConsent().method).toBe('accept-all')
  })

  it('delivers a decision to another tab with the message itself', async () => {
    let sender = make()
    let receiver = make()
    let change = new Promise<any>((resolve) => receiver.on('change', resolve))
    sender.acceptAll()
    Cookies.remove('charto_consent')
    let detail = await change
    expect(detail).toMatchObject({ remote: true, granted: expect.arrayContaining(['marketing']) })
    expect(receiver.getConsent()).toMatchObject({ decided: true, id: sender.getConsent().id })
  })

  it('falls back to storage events without BroadcastChannel', () => {
    vi.stubGlobal('BroadcastChannel', undefined)
    try {
      let receiver = make()
      let change = vi.fn()
      receiver.on('change', change)
      let other = encodeDecision({
        id: '0b6c5b0e-8a5e-4e7b-9f2e-2d1c3a4b5c6d', created: Date.now(), updated: Date.now(), sequence: 0, revision: 0,
        method: 'accept-all', gpc: false, granted: ['marketing'], services: {}, region: '', language: ''
      })
      dispatchEvent(new StorageEvent('storage', { key: 'charto:charto_consent', newValue: JSON.stringify([other, 1]) }))
      expect(change).toHaveBeenCalledOnce()
      expect(receiver.isGranted('marketing')).toBe(true)
      dispatchEvent(new StorageEvent('storage', { key: 'charto:charto_consent', newValue: JSON.stringify(['forged', 2]) }))
      expect(change).toHaveBeenCalledOnce()
    } finally {
      vi.unstubAllGlobals()
    }
  })
})

describe('extensions and teardown', () => {
  it('runs extensions before the decision is loaded and tears them down on destroy', () => {
    make().acceptAll()
    let order: string[] = []
    let teardown = vi.fn()
    let manager = make({}, [
      (({ manager: m }: ExtensionContext) => {
        order.push('setup:' + m.getConsent().decided)
        m.on('consent', () => order.push('consent'))
        m.on('ready', () => order.push('ready'))
        return teardown
      }) as any
    ])
    expect(order).toEqual(['setup:false', 'consent', 'ready'])
    manager.destroy()
    expect(teardown).toHaveBeenCalledOnce()
    let change = vi.fn()
    manager.on('change', change)
    manager.destroy()
  })

  it('an extension that throws at setup is reported; the manager and the other extensions start and keep the decision', () => {
    make().rejectAll()
    let reported: unknown[] = []
    let listen = (event: Event) => reported.push((event as CustomEvent).detail)
    addEventListener('charto:error', listen)
    let later = vi.fn()
    try {
      let manager = make({}, [
        () => {
          throw new Error('a broken extension')
        },
        later
      ])
      expect(later).toHaveBeenCalledOnce()
      expect([manager.getConsent().method, manager.isGranted('marketing')]).toEqual(['reject-all', false])
      expect(reported).toEqual([new Error('a broken extension')])
    } finally {
      removeEventListener('charto:error', listen)
    }
  })
})

describe('an enumerable property on Object.prototype (issue 10)', () => {
  it('is neither a category, a service nor a choice: the manager starts, decides and names only real ids', () => {
    ;(Object.prototype as any).extend = function () {}
    try {
      let manager = make()
      manager.setConsent({ marketing: true })
      let detail: any
      manager.on('change', (d) => (detail = d))
      manager.rejectAll()
      expect(detail.revoked).toEqual(['marketing', 'pixel'])
      expect(Object.keys(manager.getConsent().categories)).toEqual(['necessary', 'performance', 'marketing', 'functional'])
      // Stored, too: js-cookie's own for…in wrote the inherited key into the cookie's attributes, and threw.
      expect(make().getConsent()).toMatchObject({ decided: true, method: 'reject-all' })
    } finally {
      delete (Object.prototype as any).extend
    }
  })
})

describe('document.cookie out of reach (issue 10)', () => {
  it('a cookie hidden behind <form name="cookie"> is still read and written', () => {
    let form = document.createElement('form')
    // What the browser does for a named form: a plain value on the document itself.
    Object.defineProperty(document, 'cookie', { value: form, configurable: true })
    try {
      make().rejectAll()
      expect(make().getConsent()).toMatchObject({ decided: true, method: 'reject-all' })
    } finally {
      delete (document as any).cookie
    }
  })

  it('where cookies throw (a sandboxed frame), every method returns, the decision holds and one error says so', () => {
    let denied = () => {
      throw new DOMException('The document is sandboxed', 'SecurityError')
    }
    Object.defineProperty(document, 'cookie', { get: denied, set: denied, configurable: true })
    try {
      let manager = make()
      let errors = vi.fn()
      manager.on('error', errors)
      expect(() => {
        manager.acceptAll()
        manager.isGranted('marketing')
        manager.setConsent({ marketing: false })
        manager.sync()
        manager.reset()
        manager.rejectAll()
      }).not.toThrow()
      expect(errors).toHaveBeenCalledOnce()
      expect(manager.getConsent()).toMatchObject({ decided: true, method: 'reject-all' })
    } finally {
      delete (document as any).cookie
    }
  })
})

describe('decisions made elsewhere, and storage that loses them (issue 10)', () => {
  let value = (fields: Partial<StoredDecision> = {}) =>
    encodeDecision({
      id: '0b6c5b0e-8a5e-4e7b-9f2e-2d1c3a4b5c6d', created: Date.now(), updated: Date.now(), sequence: 1, revision: 0,
      method: 'accept-all', gpc: false, granted: ['performance', 'marketing', 'functional'], services: {}, region: '', language: '', ...fields
    })
  /** What a page on another subdomain leaves in the shared cookie: no message reaches this one. */
  let storeElsewhere = (stored: string) => (document.cookie = `charto_consent=${stored}; path=/`)
  let stored = () => decodeDecision(Cookies.get('charto_consent'))
  /** The next task: storage may be read again. */
  let nextTask = () => new Promise((resolve) => setTimeout(resolve, 0))
  let cookieReads = () => {
    let owner = cookieOwner()
    let descriptor = Object.getOwnPropertyDescriptor(owner, 'cookie')!
    return vi.spyOn(owner, 'cookie', 'get').mockImplementation(function (this: Document) {
      return descriptor.get!.call(this)
    })
  }

  it('a message with a newer decision is taken whatever its revision; an older one never', async () => {
    let manager = make({ revision: 0 })
    manager.acceptAll()
    let channel = new BroadcastChannel('charto:charto_consent')
    channel.postMessage(value({ sequence: 5, revision: 1, method: 'reject-all', granted: [] }))
    await vi.waitFor(() => expect(manager.getConsent().method).toBe('reject-all'))
    channel.postMessage(value({ sequence: 4, method: 'accept-all' }))
    await nextTask()
    channel.close()
    expect(manager.isGranted('marketing')).toBe(false)
    expect(stored()).toMatchObject({ sequence: 5, method: 'reject-all' })
  })

  it('before granting, looks for a decision stored elsewhere: at most one cookie read per task', async () => {
    let manager = make()
    manager.acceptAll()
    await nextTask()
    storeElsewhere(value({ sequence: 9, method: 'reject-all', granted: [] }))
    let reads = cookieReads()
    let change = vi.fn()
    manager.on('change', change)
    expect([manager.isGranted('pixel'), manager.isGranted('marketing'), manager.isGranted('ga4')]).toEqual([false, false, false])
    expect(reads).toHaveBeenCalledOnce()
    expect(change.mock.calls[0][0]).toMatchObject({ remote: true, stored: true, revoked: expect.arrayContaining(['marketing', 'pixel']) })
    // A refusal asks nothing: nothing more would be granted.
    await nextTask()
    expect(manager.isGranted('marketing')).toBe(false)
    expect(reads).toHaveBeenCalledOnce()
  })

  it('reads storage again when the page is restored from the back/forward cache, becomes visible or gets focus', async () => {
    let manager = make()
    manager.rejectAll()
    let sequence = 5
    for (let event of [Object.assign(new Event('pageshow'), { persisted: true }), new Event('visibilitychange', { bubbles: true }), new Event('focus')]) {
      await nextTask()
      let method = sequence % 2 ? 'accept-all' : 'reject-all'
      storeElsewhere(value({ sequence: sequence++, method: method as StoredDecision['method'], granted: method == 'accept-all' ? ['marketing'] : [] }))
      ;(event.type == 'visibilitychange' ? document : window).dispatchEvent(event)
      expect(manager.getConsent().method).toBe(method)
    }
  })

  it("does not read storage again on a fresh load's pageshow: the start has just read it", async () => {
    let manager = make()
    manager.rejectAll()
    await nextTask()
    storeElsewhere(value({ sequence: 9, method: 'accept-all', granted: ['marketing'] }))
    window.dispatchEvent(new Event('pageshow'))
    expect(manager.getConsent().method).toBe('reject-all')
  })

  it('reads storage again when the CookieStore API says the consent cookie changed or went (Clear-Site-Data)', async () => {
    let cookieStore = new EventTarget()
    vi.stubGlobal('cookieStore', cookieStore)
    let change = (changed: string[], deleted: string[]) =>
      cookieStore.dispatchEvent(Object.assign(new Event('change'), { changed: changed.map((name) => ({ name })), deleted: deleted.map((name) => ({ name })) }))
    let manager = make()
    manager.rejectAll()
    let held = Cookies.get('charto_consent')
    await nextTask()
    Cookies.remove('charto_consent')
    // Another cookie is no reason to look.
    change(['_ga'], [])
    expect(Cookies.get('charto_consent')).toBeUndefined()
    change([], ['charto_consent'])
    expect(Cookies.get('charto_consent')).toBe(held)
    manager.destroy()
    Cookies.remove('charto_consent')
    change([], ['charto_consent'])
    expect(Cookies.get('charto_consent')).toBeUndefined()
  })

  it('puts its decision back when storage lost it, but not one storage refused, and never over a newer reset', async () => {
    let manager = make({ mode: 'opt-out' })
    manager.rejectAll()
    let held = Cookies.get('charto_consent')
    Cookies.remove('charto_consent')
    await nextTask()
    manager.sync()
    expect(Cookies.get('charto_consent')).toBe(held)
    expect(make({ mode: 'opt-out' }).isGranted('marketing')).toBe(false)

    await nextTask()
    storeElsewhere(value({ sequence: 50, method: 'reset', granted: [] }))
    manager.sync()
    expect(manager.getConsent().decided).toBe(false)
    expect(stored()).toMatchObject({ sequence: 50, method: 'reset' })
  })

  it('a reset is stored as a record of its own, which an open tab takes instead of restoring its decision', async () => {
    let first = make()
    first.acceptAll()
    let other = make()
    await nextTask()
    other.reset()
    await nextTask()
    first.sync()
    expect([first.getConsent().decided, other.getConsent().decided]).toEqual([false, false])
    expect(stored()).toMatchObject({ method: 'reset', granted: [] })
    // The next decision starts a new consent id.
    other.acceptAll()
    expect(other.getConsent().id).not.toBe(stored() && first.getConsent().id)
  })

  it('counts one more than the highest sequence seen, and keeps the newer revision of the decision it changes', () => {
    storeElsewhere(value({ sequence: 41, revision: 3 }))
    let manager = make({ revision: 1 })
    expect(manager.getConsent().decided).toBe(true)
    manager.setConsent({ marketing: false })
    expect(stored()).toMatchObject({ sequence: 42, revision: 3, granted: ['performance', 'functional'] })
  })

  it('a first decision dated ahead (up to a day) leaves the next decision readable', () => {
    let ahead = Date.now() + 20 * 3600e3
    storeElsewhere(value({ created: ahead, updated: ahead, sequence: 0 }))
    make().rejectAll()
    expect(stored()).toMatchObject({ method: 'reject-all', sequence: 1 })
    expect(make().isGranted('marketing')).toBe(false)
  })

  it('two tabs deciding in the same millisecond end with the same decision, and it is the stored one', async () => {
    vi.useFakeTimers({ now: 1764000000000, toFake: ['Date'] })
    let first = make()
    let second = make()
    first.acceptAll()
    // The second tab has not seen the first's cookie (nor its message) when it decides.
    Cookies.remove('charto_consent')
    second.rejectAll()
    await vi.waitFor(() => expect(first.getConsent().method).toBe(second.getConsent().method))
    await nextTask()
    expect(stored()!.method).toBe(first.getConsent().method)
  })

  it('says in the change detail whether the decision was stored', () => {
    let details: any[] = []
    make().on('change', (detail) => details.push(detail))
    let manager = managers[0]
    manager.acceptAll()
    vi.stubGlobal('localStorage', { getItem: () => null, setItem: () => { throw new Error('QuotaExceededError') } })
    let refused = make({ storage: 'localStorage' })
    refused.on('change', (detail) => details.push(detail))
    refused.rejectAll()
    expect(details.map((detail) => detail.stored)).toEqual([true, false])
  })

  it('a forged storage event (no BroadcastChannel) is ignored without throwing', () => {
    vi.stubGlobal('BroadcastChannel', undefined)
    let manager = make()
    expect(() => dispatchEvent(new StorageEvent('storage', { key: 'charto:charto_consent', newValue: '{not json' }))).not.toThrow()
    expect(manager.getConsent().decided).toBe(false)
  })
})
