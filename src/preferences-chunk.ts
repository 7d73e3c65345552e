// The preferences chunk of the <script>-tag build: the preferences centre and its styles, fetched when a visitor
// opens it (or is about to), and handed to the dialog through the loader that fetched it.
import { preferencesView } from './ui/preferences-view.js'

;(self as any).chartoPreferences = preferencesView
