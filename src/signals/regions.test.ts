import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import Cookies from 'js-cookie'
import { createConsent, type ConsentManager, type Extension } from '../core/consent.js'
import type { ChartoConfig, ChangeDetail } from '../core/types.js'
import { regions, resolveMode, type RegionPolicies } from './regions.js'
import { consentMode } from './consent-mode.js'

let managers: ConsentManager[] = []
let make = (config: ChartoConfig = {}, extensions: Extension[] = [regions]) => {
  let manager = createConsent(config, extensions)
  managers.push(manager)
  return manager
}
let setGpc = (value: boolean | undefined) => Object.defineProperty(navigator, 'globalPrivacyControl', { value, configurable: true })
let tick = () => new Promise((resolve) => setTimeout(resolve, 0))
const POLICIES: RegionPolicies = { EU: { mode: 'opt-in' }, US: { mode: 'opt-in' }, 'US-CA': { mode: 'opt-out' }, default: { mode: 'opt-out' } }

beforeEach(() => {
  for (let name of Object.keys(Cookies.get())) Cookies.remove(name)
  localStorage.clear()
  delete (window as any).dataLayer
})
afterEach(() => {
  for (let manager of managers) manager.destroy()
  managers = []
  setGpc(undefined)
})

describe('resolveMode', () => {
  it.each([
    ['US-CA', 'opt-out', 'exact subdivision'],
    ['us-ca', 'opt-out', 'case-insensitive'],
    [' US-CA ', 'opt-out', 'trimmed'],
    ['US-NY', 'opt-in', 'country when the subdivision is not listed'],
    ['US', 'opt-in', 'country'],
    ['DE', 'opt-in', 'EU member via EU'],
    ['DE-BY', 'opt-in', 'EU member subdivision via EU'],
    ['NO', 'opt-in', 'EEA (Norway) via EU'],
    ['IS', 'opt-in', 'EEA (Iceland) via EU'],
    ['LI', 'opt-in', 'EEA (Liechtenstein) via EU'],
    ['EU', 'opt-in', 'the group code itself'],
    ['BR', 'opt-out', 'unlisted → default'],
    ['GB', 'opt-out', 'UK is not EU/EEA → default'],
    ['CH', 'opt-out', 'Switzerland is not EEA → default'],
    ['', 'opt-in', 'empty → strictest'],
    [undefined, 'opt-in', 'missing → strictest'],
    ['Californ1a!', 'opt-in', 'malformed → strictest'],
    [42, 'opt-in', 'not a string → strictest']
  ] as [unknown, string, string][])('%s → %s (%s)', (region, mode) => {
    expect(resolveMode(POLICIES, region)).toBe(mode)
  })

  it('the most specific key wins (country over EU, subdivision over country)', () => {
    let policies: RegionPolicies = { EU: { mode: 'opt-in' }, FR: { mode: 'opt-out' }, 'FR-IDF': { mode: 'opt-in' }, default: { mode: 'opt-out' } }
    expect(resolveMode(policies, 'FR')).toBe('opt-out')
    expect(resolveMode(policies, 'FR-IDF')).toBe('opt-in')
    expect(resolveMode(policies, 'FR-ARA')).toBe('opt-out')
    expect(resolveMode(policies, 'IT')).toBe('opt-in')
  })

  it('without default, unlisted regions are opt-in; invalid modes and prototype keys fail closed', () => {
    expect(resolveMode({ 'US-CA': { mode: 'opt-out' } }, 'BR')).toBe('opt-in')
    expect(resolveMode({ default: { mode: 'opt-outt' as any } }, 'BR')).toBe('opt-in')
    expect(resolveMode({ default: null as any }, 'BR')).toBe('opt-in')
    expect(resolveMode(undefined, 'US-CA')).toBe('opt-in')
    expect(resolveMode({}, 'TO-STRING')).toBe('opt-in')
  })
})

describe('regions extension', () => {
  it('sets mode and region synchronously from a string', () => {
    let manager = make({ regions: POLICIES, region: 'us-ca' })
    expect(manager.mode).toBe('opt-out')
    expect(manager.getConsent()).toMatchObject({ region: 'US-CA', categories: { marketing: true } })
  })

  it('sets mode and region from a function returning a string', () => {
    let manager = make({ regions: POLICIES, region: () => 'DE' })
    expect(manager.mode).toBe('opt-in')
    expect(manager.getConsent().region).toBe('DE')
  })

  it('junk from a lookup is no region: opt-in, and not recorded (a receiver would refuse the record)', async () => {
    for (let junk of ['United States of America|X', 'Bavaria, Germany', '<html>', '']) {
      let manager = make({ regions: { ...POLICIES, default: { mode: 'opt-out' } }, region: () => junk })
      expect([manager.mode, manager.getConsent().region]).toEqual(['opt-in', null])
    }
    let late = make({ regions: { ...POLICIES, default: { mode: 'opt-out' } }, region: () => Promise.resolve('somewhere') })
    await Promise.resolve()
    expect([late.mode, late.getConsent().region]).toEqual(['opt-in', null])
    // A code in lower case is a code.
    expect(make({ regions: POLICIES, region: () => 'us-ca' }).getConsent().region).toBe('US-CA')
  })

  it('a throwing lookup falls back to opt-in, even with an opt-out default', () => {
    let manager = make({
      regions: POLICIES,
      region: () => {
        throw new Error('geo down')
      }
    })
    expect(manager.mode).toBe('opt-in')
    expect(manager.getConsent().region).toBe(null)
  })

  it('a pending lookup starts opt-in; when it resolves to opt-out, state switches with one change', async () => {
    let changes: ChangeDetail[] = []
    let manager = make({ regions: POLICIES, region: () => Promise.resolve('US-CA') })
    manager.on('change', (d) => changes.push(d))
    expect(manager.mode).toBe('opt-in')
    expect(manager.isGranted('marketing')).toBe(false)
    await tick()
    expect(manager.mode).toBe('opt-out')
    expect(manager.isGranted('marketing')).toBe(true)
    expect(changes).toHaveLength(1)
    expect(changes[0]).toMatchObject({ granted: ['performance', 'marketing', 'functional'], revoked: [] })
    expect(manager.getConsent()).toMatchObject({ decided: false, region: 'US-CA' })
  })

  it('a lookup resolving to the same mode emits nothing', async () => {
    let changes = 0
    let manager = make({ regions: POLICIES, region: async () => 'FR' })
    manager.on('change', () => changes++)
    await tick()
    expect(changes).toBe(0)
    expect(manager.getConsent().region).toBe('FR')
  })

  it('a rejected lookup stays opt-in', async () => {
    let manager = make({ regions: POLICIES, region: () => Promise.reject(new Error('geo down')) })
    await tick()
    expect(manager.mode).toBe('opt-in')
  })

  it('async opt-out region with GPC decides with method gpc (marketing denied)', async () => {
    setGpc(true)
    let manager = make({ regions: POLICIES, region: async () => 'US-CA' })
    expect(manager.getConsent().decided).toBe(false)
    await tick()
    expect(manager.getConsent()).toMatchObject({ decided: true, method: 'gpc', region: 'US-CA', categories: { marketing: false, performance: true } })
  })

  it('an opt-out region with GPC overrides a stored marketing grant', () => {
    make({}, []).acceptAll()
    setGpc(true)
    let manager = make({ regions: POLICIES, region: 'US-CA' })
    expect(manager.getConsent()).toMatchObject({ method: 'gpc', categories: { marketing: false } })
  })

  it('an opt-in region with GPC does not decide and does not pre-select marketing', () => {
    setGpc(true)
    let manager = make({ regions: POLICIES, region: 'DE' })
    expect(manager.getConsent()).toMatchObject({ decided: false, gpc: true, categories: { marketing: false } })
  })

  it('Consent Mode defaults follow the region (regions registered first)', async () => {
    make({ regions: POLICIES, region: 'US-CA', googleConsentMode: true }, [regions, consentMode])
    let dl = (window as any).dataLayer
    expect(dl[0][2].ad_storage).toBe('granted')
    delete (window as any).dataLayer
    make({ regions: POLICIES, region: 'DE', googleConsentMode: true }, [regions, consentMode])
    expect((window as any).dataLayer[0][2].ad_storage).toBe('denied')
    delete (window as any).dataLayer
    make({ regions: POLICIES, region: async () => 'US-CA', googleConsentMode: true }, [regions, consentMode])
    dl = (window as any).dataLayer
    expect([...dl[0]].slice(0, 2)).toEqual(['consent', 'default'])
    expect(dl[0][2].ad_storage).toBe('denied')
    await tick()
    expect([...dl[1]].slice(0, 2)).toEqual(['consent', 'update'])
    expect(dl[1][2].ad_storage).toBe('granted')
  })

  it('a lookup resolving after destroy is ignored', async () => {
    let changes = 0
    let manager = make({ regions: POLICIES, region: async () => 'US-CA' })
    manager.on('change', () => changes++)
    manager.destroy()
    await tick()
    expect(changes).toBe(0)
    expect(manager.mode).toBe('opt-in')
  })

  it('without a regions table, a region function still sets the region and keeps the mode', () => {
    let manager = make({ mode: 'opt-out', region: () => 'br' })
    expect(manager.mode).toBe('opt-out')
    expect(manager.getConsent().region).toBe('BR')
  })
})
