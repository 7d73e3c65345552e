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
export * from './signals/index.js'
export { ui } from './ui/index.js'
export type { UiOptions, UiMethods, UiManager, Translation, Dictionary, View, DialogAction } from './ui/index.js'
export { init } from './init.js'
export * from './blocker/index.js'
