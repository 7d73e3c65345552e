// The preferences centre as the dialog takes it (a PreferencesView): its content and its own styles. Bundled with
// the dialog by `ui` (npm, the single-file build); a chunk of its own in the <script> build (src/preferences-chunk.ts).
import { preferencesContent } from './preferences.js'
import styles from './preferences-css.js'
import type { PreferencesView } from './types.js'

export const preferencesView: PreferencesView = { content: preferencesContent, styles }
