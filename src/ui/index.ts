// The dialog extension `ui` (npm, the single-file build): the dialog with its preferences centre bundled in, so that
// opening the preferences is synchronous. The <script> build's dialog chunk (src/dialog-chunk.ts) uses createDialog
// from ./dialog.ts instead, and fetches the preferences centre as a chunk of its own.
import { createDialog } from './dialog.js'
import { preferencesView } from './preferences-view.js'

export type { Dictionary, Translation, UiOptions, View, DialogAction, UiMethods, UiManager } from './types.js'
export { safeUrl } from './rich-text.js'
export { merge } from './translations.js'

/**
 * The UI extension: `createConsent(config, [gating, ui])`. Started later (by `init`, once the dialog is needed), it
 * is handed the embeds the blocker held before it was there.
 */
export const ui = /* @__PURE__ */ createDialog(() => preferencesView)
