// What both <script>-tag builds share: the languages loaded with <script src="…/i18n/de.global.js">,
// and auto-start from <script type="application/json" id="charto-config">.
import { createConsent, type Extension } from './core/consent.js'
import type { ChartoConfig } from './core/types.js'
import { merge, type UiManager } from './ui/index.js'

/**
 * Starts charto with the given extensions, plus the languages loaded as files (window.ChartoI18n),
 * which a JSON configuration cannot import. The configuration's own translations override them key by key.
 */
export function startOnPage(config: ChartoConfig, extensions: Extension[]): UiManager {
  let loaded = (typeof self !== 'undefined' && (self as any).ChartoI18n) || {}
  return createConsent({ ...config, translations: merge(loaded, config.translations) }, extensions) as UiManager
}

/** The manager started from #charto-config, if the page has one. */
export function autoStart(init: (config: ChartoConfig) => UiManager): UiManager | undefined {
  let element = typeof document !== 'undefined' && document.getElementById('charto-config')
  if (element) {
    try {
      return init(JSON.parse(element.textContent || '{}'))
    } catch (error) {
      // Fail closed: without a manager nothing blocked ever runs; the page itself keeps working.
      console.error('charto: not started, blocked content stays blocked.', error)
    }
  }
}
