import { afterEach, describe, expect, it } from 'vitest'
import Cookies from 'js-cookie'
import { createConsent } from './consent.js'
import { decodeDecision, encodeDecision, type StoredDecision } from './record.js'
import { consentFromHeaders } from './request.js'
import type { ChartoConfig, ConsentState } from './types.js'

const DAY = 864e5
const services: ChartoConfig['services'] = { ga4: { category: 'performance' }, pixel: { category: 'marketing' } }
const record = (fields: Partial<StoredDecision> = {}): StoredDecision => ({
  id: '0b6c5b0e-8a5e-4e7b-9f2e-2d1c3a4b5c6d',
  created: Date.now() - 1000,
  updated: Date.now() - 1000,
  sequence: 1,
  revision: 0,
  method: 'custom',
  gpc: false,
  granted: ['performance'],
  services: { pixel: true },
  region: 'DE',
  language: 'de',
  ...fields
})
const setGpc = (value: boolean | undefined) => Object.defineProperty(navigator, 'globalPrivacyControl', { value, configurable: true })

/** What a page shows once charto has started there, with this cookie and GPC. */
function inBrowser(config: ChartoConfig, cookie: string | null, gpc: boolean): ConsentState {
  for (let name of Object.keys(Cookies.get())) Cookies.remove(name)
  if (cookie != null) document.cookie = 'charto_consent=' + cookie + '; path=/'
  setGpc(gpc)
  let manager = createConsent(config)
  let state = manager.getConsent()
  manager.destroy()
  return state
}

/** Without the id and dates of a decision the browser makes at start: made there, a few milliseconds later. */
const shown = (state: ConsentState, browserDecides: boolean) => {
  let { id, createdAt, updatedAt, expiresAt, ...rest } = state
  return browserDecides ? rest : state
}

afterEach(() => {
  for (let name of Object.keys(Cookies.get())) Cookies.remove(name)
  setGpc(undefined)
})

describe('consentFromHeaders', () => {
  let cases: [string, ChartoConfig, string | null, boolean][] = [
    ['first visit, opt-in', { services }, null, false],
    ['first visit, opt-out', { services, mode: 'opt-out' }, null, false],
    ['first visit, opt-in, GPC', { services }, null, true],
    ['first visit, opt-out, GPC', { services, mode: 'opt-out' }, null, true],
    ['first visit, opt-out, GPC ignored by config', { services, mode: 'opt-out', gpc: false }, null, true],
    ['returning visitor', { services }, encodeDecision(record()), false],
    ['returning visitor, opt-out, GPC', { services, mode: 'opt-out' }, encodeDecision(record({ granted: ['performance', 'marketing'] })), true],
    ['returning visitor, GPC already honoured', { services, mode: 'opt-out' }, encodeDecision(record({ services: {}, method: 'gpc' })), true],
    ['a decision for an older revision', { services, revision: 2 }, encodeDecision(record({ revision: 1 })), false],
    ['an expired decision', { services, consentLifetimeDays: 30 }, encodeDecision(record({ created: Date.now() - 40 * DAY, updated: Date.now() - 31 * DAY })), false],
    ['a reset', { services }, encodeDecision(record({ method: 'reset', granted: [] })), false],
    ['a hand-edited cookie', { services }, encodeDecision(record()).replace('performance', 'marketing'), false],
    ['language auto', { services, language: 'auto' }, null, false],
    ['a region set by the host', { services, region: 'US-CA' }, null, false]
  ]
  it.each(cases)('renders what the browser shows: %s', (_name, config, cookie, gpc) => {
    let headers = new Headers({ 'sec-gpc': gpc ? '1' : '' })
    if (cookie != null) headers.set('cookie', 'theme=dark; charto_consent=' + cookie + '; other=1')
    let server = consentFromHeaders(config, headers)
    let browser = inBrowser(config, cookie, gpc)
    let browserDecides = browser.method == 'gpc' && decodeDecision(cookie)?.method != 'gpc'
    expect(shown(server, browserDecides)).toEqual(shown(browser, browserDecides))
  })

  it('reads a plain Node headers object, and the newest of two consent cookies', () => {
    let older = encodeDecision(record({ sequence: 1, granted: [] }))
    let newer = encodeDecision(record({ sequence: 2, granted: ['functional'] }))
    let state = consentFromHeaders({ services }, { cookie: `charto_consent=${newer}; charto_consent=${older}`, 'sec-gpc': '1' })
    expect(state).toMatchObject({ decided: true, gpc: true, categories: { functional: true, performance: false } })
  })

  it('follows cookie.name and never reads a cookie under localStorage', () => {
    let cookie = encodeDecision(record())
    expect(consentFromHeaders({ cookie: { name: 'consent' } }, { cookie: 'consent=' + cookie }).decided).toBe(true)
    expect(consentFromHeaders({ storage: 'localStorage' }, { cookie: 'charto_consent=' + cookie }).decided).toBe(false)
  })

  it('never throws for what a request can hold', () => {
    for (let cookie of ['', ';;;', '=', 'charto_consent', 'charto_consent=%E0%A4%A', 'charto_consent=' + 'x|'.repeat(40000)]) {
      expect(consentFromHeaders({}, { cookie, 'sec-gpc': ['1', '1'] }).decided).toBe(false)
    }
    expect(consentFromHeaders({}, {}).categories.necessary).toBe(true)
  })
})
