// The single-file <script>-tag build (dist/charto.single-file.global.js), for hosts that can serve only one file:
// the loader and the dialog with English in one script. Every other page should use dist/charto.global.js.
import type { ChartoConfig } from './core/types.js'
import type { UiManager } from './ui/index.js'
import { createConsent, resolveConfig, regions, consentMode, vendors, uet, clarity, meta, records, blocker, ui } from './index.js'
import { startOnPage, autoStart } from './page.js'

// One object on self.Charto, like the loader (src/browser.ts).
const Charto = {
  createConsent,
  resolveConfig,
  regions,
  consentMode,
  vendors,
  uet,
  clarity,
  meta,
  records,
  blocker,
  ui,
  init: (config: ChartoConfig = {}): UiManager => (Charto.instance = startOnPage(config, [regions, consentMode, vendors, records, blocker, ui])),
  instance: undefined as UiManager | undefined
}
;(self as any).Charto = Charto
autoStart(Charto.init)
