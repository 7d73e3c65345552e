// The single-file <script>-tag build (dist/charto.single-file.global.js), for hosts that can serve only one file:
// the loader and the dialog with English in one script. Every other page should use dist/charto.global.js.
import type { ChartoConfig } from './core/types.js'
import type { UiManager } from './ui/index.js'
// From each module, not from './index.js' (see src/browser.ts).
import { createConsent } from './core/consent.js'
import { resolveConfig } from './core/config.js'
import { regions } from './signals/regions.js'
import { consentMode } from './signals/consent-mode.js'
import { vendors, uet, clarity, meta } from './signals/vendors.js'
import { records } from './signals/records.js'
import { blocker } from './blocker/index.js'
import { ui } from './ui/index.js'
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
