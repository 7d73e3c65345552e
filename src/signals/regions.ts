import type { Extension } from '../core/consent.js'
import type { Mode } from '../core/types.js'
import { REGION_CODE } from '../core/check.js'
import { has } from '../core/has.js'

export type RegionPolicies = Record<string, { mode: Mode }>

/** EU member states (ISO 3166-1, plus `EL` as the EU writes Greece) and the EEA's Iceland, Liechtenstein and Norway. */
const EU = /^(AT|BE|BG|HR|CY|CZ|DK|EE|FI|FR|DE|GR|EL|HU|IE|IT|LV|LT|LU|MT|NL|PL|PT|RO|SK|SI|ES|SE|IS|LI|NO)$/

/**
 * The mode for a region code (`DE`, `US-CA`). The most specific key wins: `US-CA`, then `US`, then `EU` for
 * EU/EEA countries, then `default`. A missing or malformed region, or a missing `default`, gives the strictest: opt-in.
 */
/** The region code in capitals, or '' for anything that is not one ("United States", an error page, a number). */
const regionCode = (region: unknown) => {
  let code = typeof region == 'string' ? region.trim().toUpperCase() : ''
  return REGION_CODE.test(code) ? code : ''
}

export function resolveMode(policies: RegionPolicies | undefined, region: unknown): Mode {
  let code = regionCode(region)
  if (!policies || !code) return 'opt-in'
  let country = code.slice(0, 2)
  let key = [code, country, EU.test(country) && 'EU', 'default'].find(
    (key) => key && has(policies, key)
  )
  return key && policies[key] && policies[key].mode == 'opt-out' ? 'opt-out' : 'opt-in'
}

/**
 * Sets the manager's mode and region from `config.regions` and `config.region` (a code, or a function returning one or
 * a Promise of one). Register it first. A pending lookup starts opt-in and switches once it resolves; a throwing or
 * rejected lookup stays opt-in.
 */
export const regions: Extension = ({ config, setMode, setRegion }) => {
  let policies = config.regions
  let source = config.region
  let live = true
  let settle = (region: unknown) => {
    // Junk from a lookup is no region: the strictest policy, and nothing recorded.
    let code = regionCode(region)
    setRegion(code || null)
    if (policies) setMode(resolveMode(policies, code))
  }
  let value: unknown = source
  if (typeof source == 'function') {
    try {
      value = source()
    } catch {
      value = undefined
    }
  }
  if (value && typeof (value as Promise<string>).then == 'function') {
    settle(undefined)
    Promise.resolve(value as Promise<string>).then(
      (region) => live && settle(region),
      () => {}
    )
  } else {
    settle(value)
  }
  return () => {
    live = false
  }
}
