// The dialog chunk of the <script>-tag build: the dialog with English, handed to the loader that fetched it.
import { ui } from './ui/index.js'

;(self as any).chartoDialog = ui
