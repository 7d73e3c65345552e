// @vitest-environment-options {"url":"http://www.site.test/shop/cart"}
import { afterEach, describe, expect, it } from 'vitest'
import { createStore } from './storage.js'
import { resolveConfig } from './config.js'
import { cookieVariants, readCookies } from './cookies.js'
import type { ChartoConfig } from './types.js'

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
