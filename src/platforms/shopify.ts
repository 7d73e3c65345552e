// charto/shopify: tells Shopify's Customer Privacy API what the visitor chose, so Shopify's own pixels, analytics and
// checkout follow charto's decision.
import type { Extension } from '../core/consent.js'
import type { ConsentState } from '../core/types.js'
import { checkMapping, followDecisions, grants, report, type Followed } from './follow.js'

/** The purposes `setTrackingConsent` takes. */
export type ShopifyPurpose = 'analytics' | 'marketing' | 'preferences' | 'sale_of_data'

export interface ShopifyOptions {
  /**
   * The charto category or service id each Shopify purpose follows. Defaults: `analytics` follows `performance`,
   * `marketing` and `sale_of_data` follow `marketing`, `preferences` follows `functional`.
   */
  purposes?: Partial<Record<ShopifyPurpose, string>>
}

export const SHOPIFY_PURPOSES: Record<ShopifyPurpose, string> = {
  analytics: 'performance',
  marketing: 'marketing',
  preferences: 'functional',
  sale_of_data: 'marketing'
}

interface CustomerPrivacy {
  setTrackingConsent(consent: Record<ShopifyPurpose, boolean>, callback: (result?: { error?: unknown }) => void): void
}
interface ShopifyGlobal {
  customerPrivacy?: CustomerPrivacy
  loadFeatures?: (features: { name: string; version: string }[], callback: (error?: unknown) => void) => void
}

/**
 * `createConsent(config, [shopify()])`, or `Charto.shopify()` with the script build's bridge file. On each decision
 * calls `Shopify.customerPrivacy.setTrackingConsent({ analytics, marketing, preferences, sale_of_data }, callback)`,
 * loading the API first with `Shopify.loadFeatures` where the theme has not. Until the visitor decides, nothing is
 * sent: Shopify keeps its own default for the visitor's region.
 */
export function shopify(options: ShopifyOptions = {}): Extension {
  return ({ manager }) => bridgeShopify(manager, options)
}

/** The bridge itself, for a manager that is already running. Returns its teardown. */
export function bridgeShopify(manager: Followed, options: ShopifyOptions = {}): () => void {
  if (typeof window == 'undefined') return () => {}
  let mapping = { ...SHOPIFY_PURPOSES, ...options.purposes } as Record<ShopifyPurpose, string>
  let problem = checkMapping(manager, 'shopify.purposes', mapping)
  if (problem) report(problem)
  let stopped = false
  // Sent in order: a later decision must not be overtaken by an earlier one still waiting for the API.
  let latest: ConsentState | undefined
  let loading = false
  let send = () => {
    let shop = (window as { Shopify?: ShopifyGlobal }).Shopify
    if (stopped || !latest || !shop) return
    if (!shop.customerPrivacy) {
      if (loading || typeof shop.loadFeatures != 'function') return
      loading = true
      return shop.loadFeatures([{ name: 'consent-tracking-api', version: '0.1' }], (error) => {
        loading = false
        if (error) report(new Error('charto: Shopify could not load its Customer Privacy API: ' + String(error)))
        else send()
      })
    }
    let state = latest
    latest = undefined
    let consent = {} as Record<ShopifyPurpose, boolean>
    for (let purpose of Object.keys(mapping) as ShopifyPurpose[]) consent[purpose] = grants(state, mapping[purpose])
    try {
      shop.customerPrivacy.setTrackingConsent(consent, (result) => {
        if (result && result.error) report(new Error('charto: Shopify refused the tracking consent: ' + String(result.error)))
      })
    } catch (error) {
      report(error)
    }
  }
  let stop = followDecisions(manager, (state) => {
    latest = state
    send()
  })
  // A theme that loads Shopify's scripts after charto's: the decision waits for the page.
  let retry = () => send()
  document.addEventListener('DOMContentLoaded', retry, { once: true })
  return () => {
    stopped = true
    document.removeEventListener('DOMContentLoaded', retry)
    stop()
  }
}
