// The full <script>-tag build (dist/charto.full.global.js): the standard build plus regions, the Microsoft and Meta
// vendor adapters and consent records, on window.Charto.
import type { ChartoConfig } from './core/types.js'
import type { UiManager } from './ui/index.js'
import { regions, consentMode, vendors, records, blocker, ui } from './index.js'
import { startOnPage, autoStart } from './page.js'

export { createConsent, resolveConfig, regions, consentMode, vendors, uet, clarity, meta, records, blocker, ui } from './index.js'
export { clearCookies, clearStorage } from './index.js'

/** Same order as the npm `init`: regions settle the mode first, signals go out before the blocker runs anything. */
export function init(config: ChartoConfig = {}): UiManager {
  return (instance = startOnPage(config, [regions, consentMode, vendors, records, blocker, ui]))
}

/** The running manager: started from #charto-config, or by the latest `init`. */
export let instance: UiManager | undefined
autoStart(init)
