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
