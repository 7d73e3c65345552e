// Record delivery (the loader's records chunk, dist/charto.records.<hash>.js; an npm build imports it): each decision
// of this tab goes to `onRecord` and is POSTed as JSON to `records.endpoint`; failed deliveries wait in the queue.
import type { ExtensionContext } from '../core/consent.js'
import type { ConsentState } from '../core/types.js'
import { attempt } from '../core/attempt.js'
import { configHash } from './hash.js'
import { toRecord, endpointOf, type ConsentRecord, type RecordsOptions } from './record.js'
import { backoff, enqueue, MAX_ATTEMPTS, readQueue, writeQueue } from './queue.js'

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
  let deliver = (record: ConsentRecord, attempts: number) =>
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
      })
      .catch(() => {
        if (++attempts < MAX_ATTEMPTS) enqueue([record, attempts, Date.now() + backoff(attempts)])
      })
  let flush = () => {
    let now = Date.now()
    let queue = readQueue()
    let due = queue.filter((item) => !(item[2] > now))
    writeQueue(queue.filter((item) => item[2] > now))
    // A record queued by a page whose records chunk never arrived carries no hash yet.
    for (let [record, attempts] of due) deliver({ ...record, configHash: record.configHash || (hash ||= configHash(config)) }, attempts | 0)
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
