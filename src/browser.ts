// The <script>-tag loader (dist/charto.global.js), on window.Charto: everything that must run before the page's own
// tags (the consent core, regions, Consent Mode, vendor signals, records, gating). The dialog, with English, is a
// chunk beside it (dist/charto.dialog.<hash>.js), fetched only when a visitor needs it.
import type { ChartoConfig } from './core/types.js'
import type { UiManager } from './ui/index.js'
import { createConsent, resolveConfig, regions, consentMode, vendors, uet, clarity, meta, records, blocker } from './index.js'
import { startOnPage, autoStart } from './page.js'
import { loadChunk, type ChunkFile } from './loader/chunk.js'
import { lazyDialog, type DialogFactory } from './loader/lazy-dialog.js'
import { trust } from './blocker/trusted-types.js'

/** Filled in by the build (scripts/build.mjs) with the dialog chunk's content-hashed name and integrity hash. */
const DIALOG: ChunkFile = { file: 'CHARTO_DIALOG_FILE', integrity: 'CHARTO_DIALOG_INTEGRITY' }

// Under Trusted Types the chunk's URL goes through the same "charto" policy as the scripts the blocker revives.
const dialog = lazyDialog(() => loadChunk<DialogFactory>(DIALOG, 'chartoDialog', (url) => trust(url, true)))

// One object assigned to self.Charto, rather than ES exports wrapped by the bundler's `globalName`: the same global
// API for less code. `instance` is the running manager: started from #charto-config, or by the latest `init`.
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
  /** Same order as the npm `init`: regions settle the mode first, signals go out before the blocker runs anything. */
  init: (config: ChartoConfig = {}): UiManager => (Charto.instance = startOnPage(config, [regions, consentMode, vendors, records, blocker, dialog])),
  instance: undefined as UiManager | undefined
}
;(self as any).Charto = Charto
autoStart(Charto.init)
