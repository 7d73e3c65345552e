import type { ConsentModeOptions } from './consent-mode.js'
import type { RegionPolicies } from './regions.js'
import type { ConsentRecord, RecordsOptions } from './records.js'

/** The option `consentMode` reads. */
export interface ConsentModeConfig {
  /** Google Consent Mode v2: `true` for the default mapping, or its options. */
  googleConsentMode?: boolean | ConsentModeOptions
}

/** The option `regions` reads. */
export interface RegionsConfig {
  /** The mode per region code (`DE`, `US-CA`), `EU` and `default`; the most specific key wins. */
  regions?: RegionPolicies
}

/** The vendor adapters `vendors` runs. */
export type VendorName = 'uet' | 'clarity' | 'meta'

/** The option `vendors` reads. */
export interface VendorsConfig {
  vendors?: VendorName[]
}

/** The options `records` reads. */
export interface RecordsConfig {
  /** Where each consent record is POSTed as JSON. */
  records?: RecordsOptions
  /** Called with each record this tab makes; a throwing or rejecting handler breaks nothing. */
  onRecord?: (record: ConsentRecord) => unknown
}

// How the configuration check reads these options (the rule language: src/core/schema.ts).

/** `googleConsentMode` as an object: each Consent Mode key maps to a category or service id. */
export const CONSENT_MODE_KEYS = [
  'ad_storage',
  'ad_user_data',
  'ad_personalization',
  'analytics_storage',
  'functionality_storage',
  'personalization_storage',
  'security_storage'
] as const

export const consentModeRules = {
  googleConsentMode: {
    '|': 'boolean',
    mapping: /* @__PURE__ */ Object.fromEntries(CONSENT_MODE_KEYS.map((key) => [key, 'grantable'])),
    waitForUpdate: 'ms',
    region: 'regionList',
    adsDataRedaction: 'boolean',
    urlPassthrough: 'boolean'
  }
} as const

export const regionsRules = {
  region: 'region',
  regions: { '*': { mode: ['opt-in', 'opt-out'] }, '#': 'regionKey' }
} as const

export const vendorsRules = { vendors: { '[]': ['uet', 'clarity', 'meta'] } } as const

export const recordsRules = { records: { endpoint: 'url', headers: 'attrs' }, onRecord: 'function' } as const
