export { createConsent } from './core/consent.js'
export type { ConsentManager, Extension } from './core/consent.js'
export { resolveConfig } from './core/config.js'
export type {
  ChartoConfig,
  CategoryConfig,
  ServiceConfig,
  CookieSpec,
  ScriptSpec,
  ConsentState,
  ChangeDetail,
  ChartoEvents,
  Method,
  Mode
} from './core/types.js'
