// charto/wordpress: tells the WP Consent API (the WordPress plugin that lets other plugins ask `wp_has_consent()`)
// what the visitor chose, so WordPress plugins that support it set their cookies and track only with consent.
import type { Extension } from '../core/consent.js'
import type { ConsentState } from '../core/types.js'
import { checkMapping, followDecisions, grants, report, type Followed } from './follow.js'

/** The categories the WP Consent API defines. */
export type WordPressCategory = 'functional' | 'preferences' | 'statistics' | 'statistics-anonymous' | 'marketing'

export interface WordPressOptions {
  /**
   * The charto category or service id each WP Consent API category follows. Defaults: `functional` follows
   * `necessary` (WordPress counts it as always allowed), `preferences` follows `functional`, both statistics
   * categories follow `performance`, `marketing` follows `marketing`.
   */
  categories?: Partial<Record<WordPressCategory, string>>
}

export const WORDPRESS_CATEGORIES: Record<WordPressCategory, string> = {
  functional: 'necessary',
  preferences: 'functional',
  statistics: 'performance',
  'statistics-anonymous': 'performance',
  marketing: 'marketing'
}

interface WordPressWindow {
  wp_consent_type?: string
  wp_set_consent?: (category: string, value: 'allow' | 'deny') => void
}

/**
 * `createConsent(config, [wordpress()])`, or `Charto.wordpress()` with the script build's bridge file. Sets
 * `window.wp_consent_type` ('optin' or 'optout', from charto's mode) and announces it with the
 * `wp_consent_type_defined` event; then calls `wp_set_consent(category, 'allow' | 'deny')` for every category on each
 * decision. Until the visitor decides, nothing is set, which the WP Consent API reads as "no consent" in opt-in mode.
 */
export function wordpress(options: WordPressOptions = {}): Extension {
  return ({ manager }) => bridgeWordPress(manager, options)
}

/** The bridge itself, for a manager that is already running. Returns its teardown. */
export function bridgeWordPress(manager: Followed, options: WordPressOptions = {}): () => void {
  if (typeof window == 'undefined') return () => {}
  let mapping = { ...WORDPRESS_CATEGORIES, ...options.categories } as Record<string, string>
  let problem = checkMapping(manager, 'wordpress.categories', mapping)
  if (problem) report(problem)
  let wp = window as WordPressWindow
  let announceType = () => {
    let type = manager.mode == 'opt-out' ? 'optout' : 'optin'
    if (wp.wp_consent_type == type) return
    wp.wp_consent_type = type
    document.dispatchEvent(new CustomEvent('wp_consent_type_defined'))
  }
  let pending: ConsentState | undefined
  let tell = (state: ConsentState) => {
    announceType()
    // The WP Consent API's script may come after charto's: the latest state waits for it.
    if (typeof wp.wp_set_consent != 'function') {
      if (!pending) document.addEventListener('DOMContentLoaded', () => pending && tell(pending), { once: true })
      pending = state
      return
    }
    pending = undefined
    for (let category of Object.keys(mapping)) {
      try {
        wp.wp_set_consent(category, grants(state, mapping[category]) ? 'allow' : 'deny')
      } catch (error) {
        report(error)
      }
    }
  }
  announceType()
  let stop = followDecisions(manager, tell)
  return () => {
    pending = undefined
    stop()
  }
}
