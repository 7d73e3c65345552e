// The <script>-tag loader (dist/charto.global.js), on window.Charto: everything that must run before the page's own
// tags (the consent core, regions, Consent Mode, vendor signals, gating). Four chunks beside it are fetched only when
// needed: the dialog with English (dist/charto.dialog.<hash>.js) when a visitor must see it, the preferences centre
// (dist/charto.preferences.<hash>.js) when a visitor opens it, the record delivery (dist/charto.records.<hash>.js)
// when a decision is made or a record waits in the queue, and the clearing of cookies and storage
// (dist/charto.clear.<hash>.js) when a decision refuses something that declares them.
import type { ChartoConfig } from './core/types.js'
import type { UiManager } from './ui/index.js'
import type { PreferencesView } from './ui/types.js'
import type { createDialog } from './ui/dialog.js'
// From each module, not from './index.js': that one also exports `init`, whose dynamic import() of the dialog and the
// delivery makes the bundler wrap every module they share with the loader in a lazy initialiser (`__esm`).
import { createConsent } from './core/consent.js'
import { resolveConfig } from './core/config.js'
import { regions } from './signals/regions.js'
import { consentMode } from './signals/consent-mode.js'
import { vendors, uet, clarity, meta } from './signals/vendors.js'
import { createBlocker } from './blocker/index.js'
import { lazyClearing, type ClearDeclared } from './blocker/lazy-clear.js'
import { startOnPage, autoStart } from './page.js'
import { loadChunk, type ChunkFile } from './loader/chunk.js'
import { lazyDialog } from './loader/lazy-dialog.js'
import { lazyRecords, type DeliveryFactory } from './records/lazy.js'
import { trust } from './blocker/trusted-types.js'

/** Filled in by the build (scripts/build.mjs) with each chunk's content-hashed name and integrity hash. */
const DIALOG: ChunkFile = { file: 'CHARTO_DIALOG_FILE', integrity: 'CHARTO_DIALOG_INTEGRITY' }
const RECORDS: ChunkFile = { file: 'CHARTO_RECORDS_FILE', integrity: 'CHARTO_RECORDS_INTEGRITY' }
const CLEAR: ChunkFile = { file: 'CHARTO_CLEAR_FILE', integrity: 'CHARTO_CLEAR_INTEGRITY' }
const PREFERENCES: ChunkFile = { file: 'CHARTO_PREFERENCES_FILE', integrity: 'CHARTO_PREFERENCES_INTEGRITY' }

// Under Trusted Types a chunk's URL goes through the same "charto" policy as the scripts the blocker revives.
const trustedUrl = (url: string) => trust(url, true)
// The dialog chunk cannot know the preferences chunk's pinned name (only the loaders are pinned): it is handed a
// function that fetches it. When the dialog is loaded for the preferences (a settings link, showPreferences()), their
// chunk is fetched beside the dialog's rather than after it; the dialog takes that fetch the first time it asks, and
// reports its failure then (and fetches again next time).
const loadPreferences = () => loadChunk<PreferencesView>(PREFERENCES, 'chartoPreferences', trustedUrl)
const dialog = lazyDialog((preferences) => {
  let early = preferences ? loadPreferences() : undefined
  // Until the dialog takes it: a failure meanwhile is not an unhandled rejection.
  early?.catch(() => {})
  return loadChunk<typeof createDialog>(DIALOG, 'chartoDialog', trustedUrl).then((createDialog) =>
    createDialog(() => {
      let fetched = early || loadPreferences()
      early = undefined
      return fetched
    })
  )
})
const records = lazyRecords(() => loadChunk<DeliveryFactory>(RECORDS, 'chartoRecords', trustedUrl))
const blocker = createBlocker(lazyClearing(() => loadChunk<ClearDeclared>(CLEAR, 'chartoClear', trustedUrl)))

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
  // The record delivery as a chunk, fetched when a record is to be sent.
  records,
  blocker,
  /** Same order as the npm `init`: regions settle the mode first, signals go out before the blocker runs anything. */
  init: (config: ChartoConfig = {}): UiManager =>
    (Charto.instance = startOnPage(config, [regions, consentMode, vendors, records, blocker, dialog])),
  instance: undefined as UiManager | undefined
}
;(self as any).Charto = Charto
autoStart(Charto.init)
