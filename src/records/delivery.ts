// Record delivery (the loader's records chunk, dist/charto.records.<hash>.js; an npm build imports it): each decision
// of this tab goes to `onRecord` and is POSTed as JSON to `records.endpoint`; failed deliveries wait in the queue.
import type { ExtensionContext } from '../core/consent.js'
import type { ConsentState } from '../core/types.js'
import { attempt } from '../core/attempt.js'
import { configHash } from './hash.js'
import { toRecord, endpointOf, type ConsentRecord, type RecordsOptions, type UnmadeRecord } from './record.js'
import { backoff, IN_FLIGHT, MAX_ATTEMPTS, QUEUE_SIZE, readQueue, writeQueue, type Queued } from './queue.js'

export interface RecordsDelivery {
  /** Makes and sends the record of a decision this tab made. */
  record(consent: ConsentState): void
  stop(): void
}

/** Starts delivering: first what waits in the queue (now, and when the browser comes back online). */
export function startDelivery({ manager, config }: ExtensionContext): RecordsDelivery {
  let endpoint = endpointOf(config)
  let headers = (config.records as Partial<RecordsOptions> | undefined)?.headers
  let onRecord = config.onRecord
  let hash: string | undefined
  /**
   * Sends one record. It waits in the queue while it is on its way, so a page closed before the answer (the visitor
   * moved on) leaves it for a later load instead of losing it; a load in the next seconds leaves it alone, as the
   * answer usually comes first; a failure makes it due after the back-off alone; the answer takes it out. `queued` is
   * the entry as the queue holds it (a record from a page whose chunk never arrived gets its hash only here).
   */
  let deliver = (record: ConsentRecord, attempts: number, queued: Queued[0] = record) => {
    let entry = JSON.stringify(queued)
    let retry = ++attempts < MAX_ATTEMPTS
    let requeue = (again: boolean, wait = 0) =>
      writeQueue(
        [...readQueue().filter((item) => JSON.stringify(item[0]) != entry), ...(again ? [[queued, attempts, Date.now() + backoff(attempts) + wait] as Queued] : [])].slice(-QUEUE_SIZE)
      )
    requeue(retry, IN_FLIGHT)
    Promise.resolve()
      .then(() =>
        fetch(endpoint, {
          method: 'POST',
          keepalive: true,
          headers: { ...headers, 'Content-Type': 'application/json' },
          body: JSON.stringify(record)
        })
      )
      .then((response) => {
        // The answer may have carried `Clear-Site-Data`, which removes the consent cookie with the others: it goes back.
        manager.sync()
        if (!response.ok) throw response.status
        requeue(false)
      })
      .catch(() => requeue(retry))
  }
  let flush = () => {
    let now = Date.now()
    // A decision queued by a page whose records chunk never arrived has its record made here; one queued by an
    // earlier version of that page carries no hash yet.
    for (let [queued, attempts, notBefore] of readQueue()) {
      if (notBefore > now) continue
      let unmade = queued as UnmadeRecord
      let made = queued as ConsentRecord
      let record = unmade.consent
        ? toRecord(unmade.consent, config, (hash ||= configHash(config)), unmade.mode, unmade)
        : { ...made, configHash: made.configHash || (hash ||= configHash(config)) }
      deliver(record, attempts | 0, queued)
    }
  }
  if (endpoint) {
    flush()
    addEventListener('online', flush)
  }
  return {
    record(consent) {
      let record = toRecord(consent, config, (hash ||= configHash(config)), manager.mode)
      if (typeof onRecord == 'function') attempt(() => Promise.resolve(onRecord(record)).catch(() => {}))
      if (endpoint) deliver(record, 0)
    },
    stop: () => removeEventListener('online', flush)
  }
}
