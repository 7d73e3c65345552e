// The single-file <script>-tag build (dist/charto.single-file.global.js), for hosts that can serve only one file:
// the loader and the dialog with English in one script. Every other page should use dist/charto.global.js.
import type { ChartoConfig } from './core/types.js'
import type { UiManager } from './ui/index.js'
import { regions, consentMode, vendors, records, blocker, ui } from './index.js'
import { startOnPage, autoStart } from './page.js'

export { createConsent, resolveConfig, regions, consentMode, vendors, uet, clarity, meta, records, blocker, ui } from './index.js'

export function init(config: ChartoConfig = {}): UiManager {
  return (instance = startOnPage(config, [regions, consentMode, vendors, records, blocker, ui]))
}

/** The running manager: started from #charto-config, or by the latest `init`. */
export let instance: UiManager | undefined
autoStart(init)
