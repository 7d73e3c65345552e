// Group commit for ingest: records that arrive while a write is under way go together in the next INSERT. One
// statement and one commit for many records instead of one each; at low traffic a record is written at once.
import type { ConsentRecord } from '../signals/records.js'
import { insertRecords } from './repository.js'
import type { Queryable } from './store.js'

export interface BatchOptions {
  /** Most records in one INSERT (default 250: 3,500 parameters, far below PostgreSQL's 65,535). */
  maxBatch?: number
  /** INSERTs under way at once (default 4; PGlite runs them one after another anyway). */
  concurrency?: number
}

interface Waiting {
  record: ConsentRecord
  resolve(stored: boolean): void
  reject(error: unknown): void
}

/** `add(record)` resolves to true when stored, false for a duplicate; rejects when the database fails. */
export function createBatcher(database: Queryable, { maxBatch = 250, concurrency = 4 }: BatchOptions = {}) {
  let waiting: Waiting[] = []
  let running = 0
  let write = () => {
    while (running < concurrency && waiting.length) {
      let batch = waiting.splice(0, maxBatch)
      running++
      insertRecords(
        database,
        batch.map((item) => item.record)
      )
        .then(
          (stored) => batch.forEach((item, index) => item.resolve(stored[index])),
          (error) => batch.forEach((item) => item.reject(error))
        )
        .finally(() => {
          running--
          write()
        })
    }
  }
  return {
    add: (record: ConsentRecord) =>
      new Promise<boolean>((resolve, reject) => {
        waiting.push({ record, resolve, reject })
        // After this turn of the event loop, so every request that arrived with this one joins the same write
        // (a microtask would send each alone: PGlite runs on this thread and holds the loop while it writes).
        if (waiting.length == 1) setImmediate(write)
      }),
    /** Records waiting for a write (bounded by the service's maxPending). */
    get size() {
      return waiting.length
    }
  }
}
