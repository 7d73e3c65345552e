import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { resolveConfig } from './config.js'
import { decodeDecision, encodeDecision } from './record.js'

function problems(config: unknown): { path: string; message: string }[] {
  try {
    resolveConfig(config as any)
  } catch (error) {
    return (error as any).problems
  }
  return []
}

describe('resolveConfig', () => {
  it('gives the four default categories, necessary required', () => {
    let config = resolveConfig()
    expect(Object.keys(config.categories)).toEqual(['necessary', 'performance', 'marketing', 'functional'])
    expect(config.categories.necessary.required).toBe(true)
    expect(config.mode).toBe('opt-in')
    expect(config.consentLifetimeDays).toBe(180)
    expect(config.cookie).toEqual({ name: 'charto_consent', path: '/' })
  })

  it('merges categories with the defaults and adds new ones', () => {
    let config = resolveConfig({ categories: { performance: { cookies: ['_ga'] }, social: { label: 'Social' } } })
    expect(Object.keys(config.categories)).toEqual(['necessary', 'performance', 'marketing', 'functional', 'social'])
    expect(config.categories.performance.cookies).toEqual(['_ga'])
    expect(config.categories.necessary.required).toBe(true)
  })

  it('lets necessary be relabelled but never made optional', () => {
    expect(resolveConfig({ categories: { necessary: { label: 'Essential' } } }).categories.necessary).toEqual({
      required: true,
      label: 'Essential'
    })
    expect(problems({ categories: { necessary: { required: false } } })).toEqual([
      { path: 'categories.necessary.required', message: expect.stringContaining('always required') }
    ])
  })

  it('names the path and a hint for a broken pattern', () => {
    let found = problems({ categories: { marketing: { cookies: ['_fbp', '_gcl_au', '/[/'] } } })
    expect(found).toHaveLength(1)
    expect(found[0].path).toBe('categories.marketing.cookies[2]')
    expect(found[0].message).toMatch(/"\/\[\/" is not a valid pattern.*\/\^_ga\//)
  })

  it('lists every problem in one error', () => {
    let error: Error | undefined
    try {
      resolveConfig({
        mode: 'optin' as any,
        revision: -1,
        consentLifetimeDays: 0,
        services: { ga4: { category: 'analytics' } },
        // A JSON file can hold any key; TypeScript refuses it, the runtime check names it.
        ...({ catgories: {} } as {})
      })
    } catch (e) {
      error = e as Error
    }
    let paths = (error as any).problems.map((p: any) => p.path)
    expect(paths).toEqual(['mode', 'revision', 'consentLifetimeDays', 'services.ga4.category', 'catgories'])
    expect(error!.message).toContain('services.ga4.category: must name a category (necessary, performance, marketing, functional), got "analytics"')
    expect(error!.message).toContain('mode: must be one of "opt-in", "opt-out", got "optin"')
  })

  it('refuses ids that collide or that would match Object.prototype', () => {
    expect(problems({ services: { marketing: { category: 'marketing' } } })[0].path).toBe('services.marketing')
    expect(problems({ services: { x: { category: 'constructor' } } })[0].path).toBe('services.x.category')
    expect(problems({ categories: { 'bad id': {} } })[0].path).toBe('categories.bad id')
  })

  it('checks cookie specs, scripts and callbacks', () => {
    let found = problems({
      services: {
        ga4: {
          category: 'performance',
          cookies: [{ name: '_ga', duration: 2 }, { provider: 'Google' }],
          scripts: ['*.google-analytics.com/*', { src: '' }, { src: 'https://x.test/a.js', attrs: 'async' }],
          onAccept: 'alert(1)'
        }
      }
    })
    expect(found.map((p) => p.path)).toEqual([
      'services.ga4.cookies[0].duration',
      'services.ga4.cookies[1]',
      'services.ga4.scripts[1].src',
      'services.ga4.scripts[2].attrs',
      'services.ga4.onAccept'
    ])
    expect(found[4].message).toContain('strings are never evaluated')
  })

  it('refuses region keys that could never match, such as lower case', () => {
    expect(problems({ regions: { EU: { mode: 'opt-in' }, 'US-CA': { mode: 'opt-out' }, DE: { mode: 'opt-in' }, default: { mode: 'opt-in' } } })).toEqual([])
    expect(problems({ regions: { 'us-ca': { mode: 'opt-out' }, Europe: { mode: 'opt-in' } } }).map((p) => p.path)).toEqual([
      'regions.us-ca',
      'regions.Europe'
    ])
  })

  it('checks cookie options', () => {
    expect(problems({ cookie: { name: 'a b', path: 'x', sameSite: 'lax' } }).map((p) => p.path)).toEqual([
      'cookie.name',
      'cookie.path',
      'cookie.sameSite'
    ])
    expect(problems('nope').map((p) => p.path)).toEqual(['config'])
    // The message quotes what was given, not a replacement.
    expect(problems(null)[0].message).toBe('must be an object, got null')
    expect(problems([])[0].message).toBe('must be an object, got []')
  })
})

describe('hostile environments and ranges (issue 10)', () => {
  it('an enumerable property on Object.prototype (an old library’s `extend`) is no option, category or service', () => {
    ;(Object.prototype as any).extend = function () {}
    try {
      let config = resolveConfig({ categories: { marketing: { cookies: ['_ads'] } }, services: { pixel: { category: 'marketing' } }, regions: { EU: { mode: 'opt-in' } } })
      let seen: string[] = []
      // What any module's `for…in` over the resolved maps meets.
      for (let id in config.categories) seen.push(id)
      for (let id in config.services) seen.push(id)
      for (let option in config) seen.push(option)
      expect(seen).not.toContain('extend')
      expect(Object.keys(config.categories)).toEqual(['necessary', 'performance', 'marketing', 'functional'])
    } finally {
      delete (Object.prototype as any).extend
    }
  })

  it('a revision is a safe integer, so that the stored decision carries it and reads it back', () => {
    for (let revision of [12345678901234567, 1e21, 2 ** 53, -1, 1.5]) {
      expect(problems({ revision })).toEqual([{ path: 'revision', message: expect.stringMatching(/^must be a whole number from 0 to 9007199254740991, got /) }])
    }
    let stored = { id: '0b6c5b0e-8a5e-4e7b-9f2e-2d1c3a4b5c6d', created: 1, updated: 2, sequence: 1, method: 'reject-all' as const, gpc: false, granted: [], services: {}, region: '', language: '' }
    fc.assert(
      fc.property(fc.oneof(fc.maxSafeNat(), fc.double(), fc.integer({ min: 2 ** 53, max: 2 ** 60 })), (revision) => {
        let accepted = problems({ revision }).length == 0
        expect(accepted).toBe(decodeDecision(encodeDecision({ ...stored, revision }))?.revision === revision)
      })
    )
  })
})
