// @vitest-environment-options {"url":"http://www.charto.test/shop/cart"}
import { afterEach, describe, expect, it } from 'vitest'
import { clearCookies, clearStorage, cookieVariants } from './clear.js'

let cookies = () => document.cookie.split('; ').filter(Boolean).sort()

afterEach(() => {
  for (let [domain, path] of cookieVariants(location.hostname, location.pathname)) {
    for (let name of ['_ga', '_ga_X', '_gid', 'charto_consent', 'keep']) {
      document.cookie = `${name}=;max-age=-1;path=${path}${domain && ';domain=' + domain}`
    }
  }
  localStorage.clear()
  sessionStorage.clear()
})

describe('cookieVariants', () => {
  it('host-only and each parent domain with and without the dot, times each path prefix', () => {
    let variants = cookieVariants('www.charto.test', '/shop/cart')
    let domains = [...new Set(variants.map(([domain]) => domain))]
    let paths = [...new Set(variants.map(([, path]) => path))]
    expect(domains).toEqual(['', 'www.charto.test', '.www.charto.test', 'charto.test', '.charto.test'])
    expect(paths).toEqual(['/', '/shop', '/shop/', '/shop/cart', '/shop/cart/'])
    expect(variants).toHaveLength(25)
    expect(variants).toContainEqual(['.charto.test', '/'])
    expect(variants).toContainEqual(['', '/shop'])
  })

  it('stops at two labels and never tries the top-level domain alone', () => {
    let domains = new Set(cookieVariants('a.b.example.co.uk', '/').map(([domain]) => domain))
    expect([...domains]).toEqual([
      '',
      'a.b.example.co.uk',
      '.a.b.example.co.uk',
      'b.example.co.uk',
      '.b.example.co.uk',
      'example.co.uk',
      '.example.co.uk',
      'co.uk',
      '.co.uk'
    ])
    expect(domains.has('uk')).toBe(false)
  })

  it('IP addresses and single-label hosts are host-only', () => {
    expect(cookieVariants('127.0.0.1', '/')).toEqual([['', '/']])
    expect(cookieVariants('[::1]', '/')).toEqual([['', '/']])
    expect(cookieVariants('localhost', '/a')).toEqual([
      ['', '/'],
      ['', '/a'],
      ['', '/a/']
    ])
  })

  it('ignores empty path segments', () => {
    expect(cookieVariants('localhost', '//a//b/').map(([, path]) => path)).toEqual(['/', '/a', '/a/', '/a/b', '/a/b/'])
  })
})

describe('clearCookies', () => {
  it('removes exact names and /regex/ matches on the parent domain, the host and a path', async () => {
    document.cookie = '_ga=1; domain=charto.test; path=/'
    document.cookie = '_ga_X=2; path=/shop'
    document.cookie = '_gid=3; path=/'
    document.cookie = 'keep=4; path=/'
    let result = await clearCookies(['/^_ga/', '_gid'])
    expect(cookies()).toEqual(['keep=4'])
    expect(result.removed.sort()).toEqual(['_ga', '_ga_X', '_gid'])
    expect(result.failed).toEqual([])
  })

  it('never touches the kept (consent) cookie, even when a pattern matches it', async () => {
    document.cookie = 'charto_consent=1; path=/'
    let result = await clearCookies(['/.*/'], 'charto_consent')
    expect(cookies()).toEqual(['charto_consent=1'])
    expect(result.removed).toEqual([])
  })

  it('reports listed third-party cookies as failed; they are out of reach of JavaScript', async () => {
    let result = await clearCookies([{ name: 'IDE', thirdParty: true }, { name: '_gid' }])
    expect(result).toEqual({ removed: [], failed: ['IDE'] })
  })

  it('reports a listed cookie that survives the attempt', async () => {
    // A cookie the page cannot overwrite (for example Partitioned): it stays whatever is written.
    Object.defineProperty(document, 'cookie', { configurable: true, get: () => '_gid=1; other=2', set: () => {} })
    try {
      expect(await clearCookies(['_gid'])).toEqual({ removed: [], failed: ['_gid'] })
    } finally {
      delete (document as any).cookie
    }
  })

  it('also deletes through the CookieStore API where it exists', async () => {
    let calls: unknown[] = []
    ;(globalThis as any).cookieStore = { delete: async (options: unknown) => void calls.push(options) }
    try {
      document.cookie = '_gid=1; path=/'
      await clearCookies(['_gid'])
      expect(calls).toContainEqual({ name: '_gid', path: '/', domain: null })
      expect(calls).toContainEqual({ name: '_gid', path: '/shop', domain: 'charto.test' })
      expect(calls).toHaveLength(25)
    } finally {
      delete (globalThis as any).cookieStore
    }
  })
})

describe('clearCookies where document.cookie is out of reach', () => {
  it('an element named "cookie" (<form name="cookie">) hides nothing: the cookies are still cleared', async () => {
    document.cookie = '_gid=1; path=/'
    Object.defineProperty(document, 'cookie', { value: document.createElement('form'), configurable: true })
    try {
      expect(await clearCookies(['_gid'])).toEqual({ removed: ['_gid'], failed: [] })
    } finally {
      delete (document as any).cookie
    }
  })

  it('a frame sandboxed without allow-same-origin (every access throws): resolves with nothing removed', async () => {
    let denied = () => {
      throw new DOMException('The document is sandboxed', 'SecurityError')
    }
    Object.defineProperty(document, 'cookie', { get: denied, set: denied, configurable: true })
    try {
      expect(await clearCookies(['_gid', { name: 'IDE', thirdParty: true }])).toEqual({ removed: [], failed: ['IDE'] })
    } finally {
      delete (document as any).cookie
    }
  })
})

describe('clearStorage', () => {
  it('removes listed localStorage and sessionStorage keys and patterns, and nothing else', () => {
    localStorage.setItem('_hjSession_1', 'x')
    localStorage.setItem('amplitude_id', 'x')
    localStorage.setItem('charto_consent', 'x')
    localStorage.setItem('cart', 'x')
    sessionStorage.setItem('_hjTLDTest', 'x')
    let removed = clearStorage(['/^_hj/', 'amplitude_id', '/.*consent/'], 'charto_consent')
    expect(removed.sort()).toEqual(['_hjSession_1', '_hjTLDTest', 'amplitude_id'])
    expect(Object.keys(localStorage).sort()).toEqual(['cart', 'charto_consent'])
    expect(sessionStorage.length).toBe(0)
  })

  it('a storage that throws (privacy mode) is skipped', () => {
    let real = Object.getOwnPropertyDescriptor(window, 'localStorage')!
    Object.defineProperty(window, 'localStorage', {
      configurable: true,
      get() {
        throw new DOMException('denied', 'SecurityError')
      }
    })
    try {
      sessionStorage.setItem('_hj', 'x')
      expect(clearStorage(['_hj'])).toEqual(['_hj'])
    } finally {
      Object.defineProperty(window, 'localStorage', real)
    }
  })
})
