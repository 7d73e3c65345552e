// The public names of the npm package, and nothing else: what is not listed here is internal and may change.
export { createConsent } from './core/consent.js'
export type { ConsentManager, Extension, ExtensionContext, MethodsOf } from './core/consent.js'
export { resolveConfig } from './core/config.js'
export { consentFromHeaders } from './core/request.js'
export type { RequestHeaders } from './core/request.js'
export type {
  ChartoConfig,
  CoreOptions,
  CategoryConfig,
  ServiceConfig,
  CookieSpec,
  CookieOptions,
  ScriptSpec,
  ConsentState,
  ChangeDetail,
  ChartoEvents,
  Method,
  Mode
} from './core/types.js'
export { blocker } from './blocker/index.js'
export type { BlockedDetail, ClearedDetail } from './blocker/index.js'
export type { GatingOptions } from './blocker/options.js'
export { consentMode } from './signals/consent-mode.js'
export type { ConsentModeOptions, ConsentModeMapping, ConsentModeValue } from './signals/consent-mode.js'
export { vendors, uet, clarity, meta } from './signals/vendors.js'
export { regions, resolveMode } from './signals/regions.js'
export type { RegionPolicies } from './signals/regions.js'
export { records, toReceipt, configHash } from './signals/records.js'
export type { ConsentRecord, RecordsOptions, ReceiptOptions } from './signals/records.js'
export type { ConsentModeConfig, RegionsConfig, VendorsConfig, VendorName, RecordsConfig } from './signals/options.js'
export { ui } from './ui/index.js'
export type { UiOptions, UiMethods, UiManager, Translation, Dictionary, View, DialogAction } from './ui/index.js'
export type { DialogOptions } from './ui/options.js'
export { init } from './init.js'
