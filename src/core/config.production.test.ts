// resolveConfig as the builds visitors download run it: the compact check, a short error naming the first bad path.
import { describe, expect, it, vi } from 'vitest'
import { resolveConfig } from './config.js'

vi.mock('../development.js', () => ({ isDevelopment: false }))

const thrown = (config: unknown): any => {
  try {
    resolveConfig(config as any)
  } catch (error) {
    return error
  }
}

describe('resolveConfig in a production build', () => {
  it('names the first bad path and points to `npx charto validate`', () => {
    let error = thrown({ categories: { marketing: { cookies: ['_fbp', '_gcl_au', '/[/'] } }, mode: 'optin' })
    expect(error.message).toBe('charto: invalid configuration at categories.marketing.cookies[2]: is not valid; `npx charto validate` lists every problem')
    expect(error.problems).toEqual([{ path: 'categories.marketing.cookies[2]', message: expect.stringContaining('npx charto validate') }])
  })

  it('keeps the message short: no hint and no list of known options', () => {
    let error = thrown({ catgories: {} })
    expect(error.message).toMatch(/at catgories: /)
    expect(error.message).not.toMatch(/known|hint|did you mean/)
    expect(thrown('nope').message).toMatch(/ at config: /)
  })

  it('accepts what the full validator accepts', () => {
    expect(resolveConfig({ services: { ga4: { category: 'performance', cookies: [{ name: '/^_ga/' }], scripts: ['*.x.test/*'] } }, googleConsentMode: true }).mode).toBe(
      'opt-in'
    )
  })
})
