// The records chunk of the <script>-tag build: the record delivery, handed to the loader that fetched it.
import { startDelivery } from './records/delivery.js'

;(self as any).chartoRecords = startDelivery
