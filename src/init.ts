import { createConsent } from './core/consent.js'
import type { ChartoConfig } from './core/types.js'
import { regions, consentMode, vendors } from './signals/index.js'
import { lazyRecords } from './records/lazy.js'
import { blocker } from './blocker/index.js'
import type { UiManager } from './ui/types.js'
import { lazyDialog } from './loader/lazy-dialog.js'

/** The preferences centre is a chunk of its own too, imported when a visitor opens it (or is about to). */
const loadPreferences = () => import('./ui/preferences-view.js').then((module) => module.preferencesView)
/**
 * The dialog is a separate chunk of the app's bundle, imported only when a visitor needs it; as in the <script> build,
 * a first visit answered from the banner never imports the preferences centre. Asked for the preferences (a settings
 * link, showPreferences()), both are imported at once; the module system fetches each only once.
 */
const dialog = /* @__PURE__ */ lazyDialog((preferences) => {
  if (preferences) loadPreferences().catch(() => {})
  return import('./ui/dialog.js').then((module) => module.createDialog(loadPreferences))
})
/** So is the record delivery, imported once a decision is made or a record waits in the queue. */
const records = /* @__PURE__ */ lazyRecords(() => import('./records/delivery.js').then((module) => module.startDelivery))

/**
 * Every module `init` composes, for the adapters that create the manager themselves (charto/next). Order matters:
 * regions settle the mode first, and signals go out before the blocker runs anything or reloads.
 */
export const initExtensions = [regions, consentMode, vendors, records, blocker, dialog]

/**
 * The whole SDK: consent core, region policy, Google Consent Mode and vendor signals, records,
 * blocking and the dialog.
 */
export function init(config?: ChartoConfig): UiManager {
  return createConsent(config, initExtensions) as UiManager
}
