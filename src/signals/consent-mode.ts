import type { ConsentManager, Extension } from '../core/consent.js'
import type { ConsentState, ResolvedConfig } from '../core/types.js'

export type ConsentModeValue = 'granted' | 'denied'
/** Consent Mode key → category or service id whose state it follows. */
export type ConsentModeMapping = Record<string, string>

export interface ConsentModeOptions {
  /** Overrides the default mapping per key, e.g. `{ ad_personalization: 'functional' }`. */
  mapping?: ConsentModeMapping
  /** `wait_for_update` in milliseconds. */
  waitForUpdate?: number
  /** ISO 3166-2 codes the default applies to (`region` in `gtag('consent','default')`). */
  region?: string[]
  adsDataRedaction?: boolean
  urlPassthrough?: boolean
}

/** The default mapping of Consent Mode keys to categories; `mapping` can override each key. */
export const CONSENT_MODE_MAPPING: ConsentModeMapping = {
  ad_storage: 'marketing',
  ad_user_data: 'marketing',
  ad_personalization: 'marketing',
  analytics_storage: 'performance',
  functionality_storage: 'functional',
  personalization_storage: 'functional',
  security_storage: 'necessary'
}

/** The `mapping` of `googleConsentMode` (shared by the vendor adapters). */
export const mappingOf = (config: ResolvedConfig): ConsentModeMapping | undefined =>
  (config.googleConsentMode as ConsentModeOptions | undefined)?.mapping

/** Consent Mode values for a state. An id that is neither a granted category nor a granted service is denied. */
export function consentModeState(state: ConsentState, mapping?: ConsentModeMapping): Record<string, ConsentModeValue> {
  let map = { ...CONSENT_MODE_MAPPING, ...mapping }
  let values: Record<string, ConsentModeValue> = {}
  for (let key of Object.keys(map)) {
    values[key] = state.categories[map[key]] === true || state.services[map[key]] === true ? 'granted' : 'denied'
  }
  return values
}

/** The classic gtag: pushes an `Arguments` object (gtag.js ignores arrays). Creates `dataLayer`, never replaces it. */
export function gtag(..._: unknown[]): void
export function gtag() {
  let w = window as any
  ;(w.dataLayer = w.dataLayer || []).push(arguments)
}

/**
 * Calls `fn` for a returning visitor's decision at init and for every change after, in registration order.
 * `consent` at init comes before any `change`, except when GPC overrides the stored decision (then `change` comes
 * first). Whenever `change` came first, `consent` is skipped: one call per decision.
 */
export function onDecision(manager: ConsentManager, fn: (state: ConsentState) => void): () => void {
  let seen = 0
  let off = [
    manager.on('consent', (state) => seen || fn(state)),
    manager.on('change', (detail) => {
      seen = 1
      fn(detail.consent)
    })
  ]
  return () => off.map((f) => f())
}

/**
 * Google Consent Mode v2 from `config.googleConsentMode`: `default` at setup, `update` on every page with a decision
 * and on each change, plus the tag-manager event `{ event: 'charto_consent', charto: { <category>: 'granted' | 'denied' } }`.
 */
export const consentMode: Extension = ({ manager, config }) => {
  let options = config.googleConsentMode as true | ConsentModeOptions | undefined
  if (!options || typeof window == 'undefined') return
  let { mapping, waitForUpdate, region, adsDataRedaction, urlPassthrough } = options === true ? ({} as ConsentModeOptions) : options
  let defaults: Record<string, unknown> = consentModeState(manager.getConsent(), mapping)
  if (waitForUpdate) defaults.wait_for_update = waitForUpdate
  if (region) defaults.region = region
  gtag('consent', 'default', defaults)
  if (adsDataRedaction != null) gtag('set', 'ads_data_redaction', adsDataRedaction)
  if (urlPassthrough != null) gtag('set', 'url_passthrough', urlPassthrough)
  return onDecision(manager, (state) => {
    let charto: Record<string, ConsentModeValue> = {}
    for (let id of Object.keys(state.categories)) charto[id] = state.categories[id] ? 'granted' : 'denied'
    gtag('consent', 'update', consentModeState(state, mapping))
    ;(window as any).dataLayer.push({ event: 'charto_consent', charto })
  })
}
