// The dialog chunk of the <script>-tag build: the dialog with English, handed to the loader that fetched it. The
// preferences centre is not in it (src/ui/dialog.ts imports none of it): the loader hands the dialog a function that
// fetches the preferences chunk (src/preferences-chunk.ts), since only the loaders know the chunks' pinned names.
import { createDialog } from './ui/dialog.js'

;(self as any).chartoDialog = createDialog
