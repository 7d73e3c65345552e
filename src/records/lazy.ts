// Records, paid for when used: the delivery (with its SHA-256) arrives only once this tab makes a decision, or when a
// record from an earlier page waits in the queue. A returning visitor with nothing queued never fetches it.
import type { Extension, ExtensionContext } from '../core/consent.js'
import type { ConsentState } from '../core/types.js'
import { wantsRecords, endpointOf, currentPage } from './record.js'
import { enqueue, readQueue, type Queued } from './queue.js'
import type { RecordsDelivery } from './delivery.js'

export type DeliveryFactory = (context: ExtensionContext) => RecordsDelivery

/**
 * Stands in for `records` until the delivery is needed, then loads it with `load` and hands the waiting decisions
 * over. A delivery that fails to load fails closed: one `error` event says what failed, and each waiting decision is
 * queued as it is, with what its record takes from this page, for the delivery of a later page to make and send.
 */
export const lazyRecords =
  (load: () => Promise<DeliveryFactory>): Extension =>
  (context) => {
    let { manager, config, emit } = context
    if (typeof window == 'undefined' || !wantsRecords(config)) return
    let waiting: ConsentState[] = []
    let delivery: RecordsDelivery | undefined
    let loading: Promise<void> | undefined
    let stopped = false
    let start = () =>
      (loading ||= load().then(
        (startDelivery) => {
          if (stopped) return
          delivery = startDelivery(context)
          waiting.forEach((consent) => delivery!.record(consent))
          waiting = []
        },
        (error) => {
          loading = undefined
          let page = { mode: manager.mode, ...currentPage() }
          if (endpointOf(config)) enqueue(...waiting.map((consent): Queued => [{ consent, ...page }, 0, 0]))
          waiting = []
          emit('error', error)
        }
      ))
    // Only a record that is due: one still on its way from a page just left waits for a later load.
    if (endpointOf(config) && readQueue().some((item) => !(item[2] > Date.now()))) start()
    let off = manager.on('change', ({ consent, remote }) => {
      if (remote || !consent.decided) return
      if (delivery) delivery.record(consent)
      else waiting.push(consent), start()
    })
    return () => {
      stopped = true
      off()
      delivery?.stop()
    }
  }
