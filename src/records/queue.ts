// The records that wait for delivery: a bounded queue in localStorage, retried on a later page load.
import { attempt } from '../core/attempt.js'
import type { ConsentRecord, UnmadeRecord } from './record.js'

/**
 * A record (or a decision whose record is still to be made), the failed attempts so far, and the time before which it
 * is not tried again.
 */
export type Queued = [record: ConsentRecord | UnmadeRecord, attempts: number, notBefore: number]

const QUEUE = 'charto:records'
export const QUEUE_SIZE = 20
export const MAX_ATTEMPTS = 8
/** How long a record on its way waits before another load sends it again (the answer usually comes sooner). */
export const IN_FLIGHT = 1e4

/** Wait before the next try after `attempts` failures: none for the first retry, then 1, 3, 7… minutes, at most a day. */
export const backoff = (attempts: number) => Math.min(6e4 * (2 ** (attempts - 1) - 1), 864e5)

export const readQueue = (): Queued[] => {
  let queue = attempt(() => JSON.parse(localStorage.getItem(QUEUE) || '[]'))
  return Array.isArray(queue) ? queue.filter((item) => Array.isArray(item) && item[0] && typeof item[0] == 'object') : []
}

export const writeQueue = (queue: Queued[]) =>
  attempt(() => (queue.length ? localStorage.setItem(QUEUE, JSON.stringify(queue)) : localStorage.removeItem(QUEUE)))

/** Adds records at the end; the oldest go when the queue is full. */
export const enqueue = (...items: Queued[]) => writeQueue([...readQueue(), ...items].slice(-QUEUE_SIZE))
