// The <script>-tag build (dist/charto.global.js): everything on window.Charto, and auto-init from
// <script type="application/json" id="charto-config"> so a site needs no code of its own.
import { init as initAll } from './init.js'
import type { ChartoConfig } from './core/types.js'
import { merge, type UiManager } from './ui/index.js'

// What a page needs; server-side helpers (toReceipt, configHash, resolveMode…) stay in the npm package.
export { createConsent, resolveConfig, regions, consentMode, vendors, uet, clarity, meta, records, blocker, ui } from './index.js'
export { clearCookies, clearStorage } from './index.js'

/**
 * Like the npm `init`, plus the languages loaded with <script src="…/i18n/de.global.js"> (window.ChartoI18n),
 * which a JSON configuration cannot import. The configuration's own translations override them key by key.
 */
export function init(config: ChartoConfig = {}): UiManager {
  let loaded = (typeof self !== 'undefined' && (self as any).ChartoI18n) || {}
  return initAll({ ...config, translations: merge(loaded, config.translations) })
}

/** The manager started from #charto-config, if the page has one. */
export let instance: UiManager | undefined

let element = typeof document !== 'undefined' && document.getElementById('charto-config')
if (element) {
  try {
    instance = init(JSON.parse(element.textContent || '{}'))
  } catch (error) {
    // Fail closed: without a manager nothing blocked ever runs; the page itself keeps working.
    console.error('charto: not started, blocked content stays blocked.', error)
  }
}
