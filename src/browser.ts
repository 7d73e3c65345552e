// The standard <script>-tag build (dist/charto.global.js): the consent core, Consent Mode and GPC, gating and the
// dialog with English, on window.Charto. Regions, vendor adapters and records are in dist/charto.full.global.js.
import type { ChartoConfig } from './core/types.js'
import type { UiManager } from './ui/index.js'
import { consentMode, blocker, ui } from './index.js'
import { startOnPage, autoStart } from './page.js'

export { createConsent, resolveConfig, consentMode, blocker, ui, clearCookies, clearStorage } from './index.js'

/** The options only the full build understands: refused here with the fix, rather than silently ignored. */
const FULL_ONLY = ['regions', 'vendors', 'records', 'onRecord']

export function init(config: ChartoConfig = {}): UiManager {
  let missing = FULL_ONLY.filter((option) => option in Object(config))
  if (missing.length) {
    throw new Error(`charto: ${missing.join(', ')} need the full build: load dist/charto.full.global.js instead of dist/charto.global.js`)
  }
  return (instance = startOnPage(config, [consentMode, blocker, ui]))
}

/** The running manager: started from #charto-config, or by the latest `init`. */
export let instance: UiManager | undefined
autoStart(init)
