// What both <script>-tag builds share: the languages loaded with <script src="…/i18n/de.global.js">,
// and auto-start from <script type="application/json" id="charto-config">.
import { createConsent, type Extension } from './core/consent.js'
import type { ChartoConfig } from './core/types.js'
import type { UiManager } from './ui/index.js'
import { merge } from './ui/translations.js'
import { isObject } from './core/has.js'
import { isDevelopment } from './development.js'

/**
 * Starts charto with the given extensions, plus the languages loaded as files (window.ChartoI18n),
 * which a JSON configuration cannot import. The configuration's own translations override them key by key.
 */
export function startOnPage(config: ChartoConfig, extensions: Extension[]): UiManager {
  // A page with both #charto-config and its own Charto.init() would get two banners and two observers.
  if (started) {
    if (isDevelopment) console.warn('charto: already running; init() ignored (destroy() it first)')
    return started
  }
  let loaded = (typeof self !== 'undefined' && (self as any).ChartoI18n) || {}
  // Not an object (an array from a JSON file, say): passed on as it is, so the validator names it.
  let manager = createConsent(isObject(config) ? { ...config, translations: merge(loaded, config.translations) } : config, extensions) as UiManager
  let destroy = manager.destroy
  manager.destroy = () => {
    started = undefined
    destroy()
  }
  return (started = manager)
}

let started: UiManager | undefined

/** Starts from #charto-config, if the page has one (the script builds' auto-start). */
export function autoStart(init: (config: ChartoConfig) => UiManager): void {
  if (typeof document == 'undefined') return
  let element = document.getElementById('charto-config')
  // A configuration placed after this script is never read: the development build says so rather than start nothing
  // in silence.
  if (!element) {
    if (isDevelopment) document.addEventListener('DOMContentLoaded', () => {
      if (!started && document.getElementById('charto-config')) console.error('charto: not started: put #charto-config before the charto script')
    })
  } else {
    try {
      init(JSON.parse(element.textContent || '{}'))
    } catch (error) {
      // Fail closed: without a manager nothing blocked ever runs; the page itself keeps working.
      console.error('charto: not started, blocked content stays blocked.', error)
    }
  }
}
