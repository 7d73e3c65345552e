// The clearing chunk of the <script>-tag build: the clearing of declared cookies and storage, handed to the loader
// that fetched it when a decision refused something that declares them.
import { clearDeclared } from './blocker/clear.js'

;(self as any).chartoClear = clearDeclared
