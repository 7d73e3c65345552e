// @vitest-environment-options {"url":"http://www.site.test/shop/cart"}
import { afterEach, describe, expect, it } from 'vitest'
import { createStore } from './storage.js'
import { resolveConfig } from './config.js'
import { cookieVariants, readCookies } from './cookies.js'
import type { ChartoConfig } from './types.js'
import { declaration } from '../cli/declared.js'

let values = () => readCookies().filter(([name]) => name == 'charto_consent').map(([, value]) => value)
let store = (config: ChartoConfig = {}) => createStore(resolveConfig(config))

afterEach(() => {
  for (let [domain, path] of cookieVariants(location.hostname, location.pathname)) {
    document.cookie = `charto_consent=;max-age=-1;path=${path}${domain && ';domain=' + domain}`
  }
})

describe('the consent cookie', () => {
  it('writing leaves no other variant that could win later: parent domain, host, other paths', () => {
    document.cookie = 'charto_consent=parent; domain=site.test; path=/'
    document.cookie = 'charto_consent=deeper; path=/shop'
    expect(values().sort()).toEqual(['deeper', 'parent'])
    expect(store().write('new')).toBe(true)
    expect(values()).toEqual(['new'])
    expect(store({ cookie: { domain: '.site.test' } }).write('shared')).toBe(true)
    expect(values()).toEqual(['shared'])
  })

  it('lives as long as the cookie declaration says: consentLifetimeDays, not a day more', () => {
    let written: string[] = []
    let owner: object = document
    while (!Object.getOwnPropertyDescriptor(owner, 'cookie')) owner = Object.getPrototypeOf(owner)
    let jar = Object.getOwnPropertyDescriptor(owner, 'cookie')!
    Object.defineProperty(document, 'cookie', {
      get: () => jar.get!.call(document),
      set: (text: string) => (written.push(text), jar.set!.call(document, text)),
      configurable: true
    })
    try {
      for (let consentLifetimeDays of [180, 30]) {
        written.length = 0
        let before = Date.now()
        expect(store({ consentLifetimeDays }).write('kept')).toBe(true)
        let expires = Date.parse(/;\s*expires=([^;]+)/i.exec(written.find((text) => text.startsWith('charto_consent=kept'))!)![1])
        let days = (expires - before) / 86_400_000
        // Expires has a precision of one second.
        expect(days).toBeGreaterThan(consentLifetimeDays - 0.001)
        expect(days).toBeLessThan(consentLifetimeDays + 0.001)
        let stated = declaration(resolveConfig({ consentLifetimeDays })).cookies.find((c) => c.name == 'charto_consent')!.duration
        expect(stated).toBe(`${consentLifetimeDays} days`)
      }
    } finally {
      delete (document as any).cookie
    }
  })

  it('reads every variant there is', () => {
    document.cookie = 'charto_consent=parent; domain=site.test; path=/'
    document.cookie = 'charto_consent=host; path=/'
    expect(store().read().sort()).toEqual(['host', 'parent'])
  })
})

describe('document.cookie out of reach', () => {
  it('behind an element named "cookie" (a plain value on the document), the real cookie is still read and written', () => {
    Object.defineProperty(document, 'cookie', { value: document.createElement('form'), configurable: true })
    try {
      expect(store().write('kept')).toBe(true)
      expect(store().read()).toEqual(['kept'])
    } finally {
      delete (document as any).cookie
    }
  })

  it('where it throws (a frame sandboxed without allow-same-origin), reading finds nothing and writing says so', () => {
    let denied = () => {
      throw new DOMException('The document is sandboxed', 'SecurityError')
    }
    Object.defineProperty(document, 'cookie', { get: denied, set: denied, configurable: true })
    try {
      expect(readCookies()).toEqual([])
      expect(store().read()).toEqual([])
      expect(store().write('lost')).toBe(false)
    } finally {
      delete (document as any).cookie
    }
  })
})
