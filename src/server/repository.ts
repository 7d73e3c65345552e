// Every statement the service runs on consent_records. Plain PostgreSQL, nothing engine-specific (no ctid, no
// extensions, no server-side cursors), so it runs unchanged on PGlite, a PostgreSQL server and compatible engines.
import type { ConsentRecord } from '../signals/records.js'
import type { Queryable, Result } from './store.js'

/** A stored record: what the SDK sent, plus when this service received it. */
export interface StoredRecord extends ConsentRecord {
  receivedAt: string
}

const COLUMNS =
  'id, updated_at, created_at, expires_at, received_at, revision, config_hash, method, gpc, mode, region, language, url, categories, services'

const iso = (value: Date | string) => new Date(value).toISOString()

/** A row as both stores return it (timestamps as Date, jsonb parsed) back to the record's own shape and key order. */
export const toStoredRecord = (row: Record<string, any>): StoredRecord => ({
  id: row.id,
  createdAt: iso(row.created_at),
  updatedAt: iso(row.updated_at),
  expiresAt: iso(row.expires_at),
  revision: row.revision,
  configHash: row.config_hash,
  categories: row.categories,
  services: row.services,
  method: row.method,
  gpc: row.gpc,
  mode: row.mode,
  region: row.region,
  language: row.language,
  url: row.url,
  receivedAt: iso(row.received_at)
})

const INSERT_COLUMNS = 14

/**
 * Stores validated records, each once, in one statement. Returns, per record, whether it was stored (false: that
 * decision, same id and updatedAt, is already there or came twice in this batch: a retried delivery).
 * Every column is named: nothing else from a request can reach the table.
 */
export async function insertRecords(database: Queryable, records: ConsentRecord[]): Promise<boolean[]> {
  if (!records.length) return []
  let params: unknown[] = []
  let rows = records.map((record, index) => {
    params.push(
      record.id,
      record.updatedAt,
      record.createdAt,
      record.expiresAt,
      record.revision,
      record.configHash,
      record.method,
      record.gpc,
      record.mode,
      record.region,
      record.language,
      record.url,
      JSON.stringify(record.categories),
      JSON.stringify(record.services)
    )
    let at = index * INSERT_COLUMNS
    let placeholders = Array.from({ length: INSERT_COLUMNS }, (_, column) => '$' + (at + column + 1) + (column == 2 || column == 3 || column == 1 ? '::timestamptz' : column >= 12 ? '::jsonb' : ''))
    return '(' + placeholders.join(', ') + ')'
  })
  let { rows: stored } = await database.query<{ id: string; updated_at: Date }>(
    `INSERT INTO consent_records (id, updated_at, created_at, expires_at, revision, config_hash, method, gpc, mode, region, language, url, categories, services)
     VALUES ${rows.join(', ')}
     ON CONFLICT (id, updated_at) DO NOTHING
     RETURNING id, updated_at`,
    params
  )
  let key = (id: string, time: Date | string) => id + ' ' + new Date(time).getTime()
  let fresh = new Set(stored.map((row) => key(row.id, row.updated_at)))
  // The first of two equal records in one batch is the one stored; the second is its retry.
  return records.map((record) => fresh.delete(key(record.id, record.updatedAt)))
}

/** Stores one validated record; false when it was already stored. */
export const insertRecord = async (database: Queryable, record: ConsentRecord) => (await insertRecords(database, [record]))[0]

/** Every decision of one consent id, oldest first: its whole history, withdrawals included. */
export async function findChain(database: Queryable, id: string): Promise<StoredRecord[]> {
  let { rows } = await database.query(`SELECT ${COLUMNS} FROM consent_records WHERE id = $1 ORDER BY updated_at`, [id])
  return rows.map(toStoredRecord)
}

/** A data subject's erasure: every record of the consent id. Returns how many went. */
export async function eraseChain(database: Queryable, id: string): Promise<number> {
  return (await database.query('DELETE FROM consent_records WHERE id = $1', [id])).count
}

export interface PurgeOptions {
  /** Records are kept this many days after their decision expired. */
  retainDays: number
  now?: Date
  /** Rows per DELETE: short transactions, so ingest never waits long behind a purge. */
  batchSize?: number
}

/** The day before which an expired decision is deleted. */
export const purgeCutoff = ({ retainDays, now = new Date() }: PurgeOptions) => new Date(now.getTime() - retainDays * 864e5)

/** Deletes every record whose decision expired more than `retainDays` ago, in batches. Returns how many went. */
export async function purgeExpired(database: Queryable, options: PurgeOptions): Promise<number> {
  let cutoff = purgeCutoff(options)
  let batchSize = options.batchSize ?? 5000
  let total = 0
  for (;;) {
    let { count } = await database.query(
      `DELETE FROM consent_records WHERE (id, updated_at) IN (
         SELECT id, updated_at FROM consent_records WHERE expires_at < $1 ORDER BY expires_at LIMIT $2)`,
      [cutoff, batchSize]
    )
    total += count
    if (count < batchSize) return total
    // Let waiting requests in between batches: PGlite serves one statement at a time, and without this pause the
    // next DELETE would take its turn before the INSERTs that queued behind the last one.
    await new Promise((resolve) => setImmediate(resolve))
  }
}

export interface TimeRange {
  /** Decisions at or after this time. */
  from: Date
  /** Decisions before this time. */
  to: Date
}

/**
 * The records whose decision falls in the range, in decision order, read in pages with a keyset (the last
 * page's time and id), so memory stays one page however many rows there are and no cursor pins a connection.
 */
export async function* readRecords(database: Queryable, range: TimeRange, pageSize = 2000): AsyncGenerator<StoredRecord[]> {
  let after: [Date, string] | null = null
  for (;;) {
    let page: Result<Record<string, any>> = after
      ? await database.query(
          `SELECT ${COLUMNS} FROM consent_records
           WHERE updated_at < $1 AND (updated_at, id) > ($2, $3::uuid) ORDER BY updated_at, id LIMIT $4`,
          [range.to, after[0], after[1], pageSize]
        )
      : await database.query(
          `SELECT ${COLUMNS} FROM consent_records WHERE updated_at >= $1 AND updated_at < $2 ORDER BY updated_at, id LIMIT $3`,
          [range.from, range.to, pageSize]
        )
    let rows = page.rows
    if (!rows.length) return
    yield rows.map(toStoredRecord)
    if (rows.length < pageSize) return
    let last: Record<string, any> = rows[rows.length - 1]
    after = [last.updated_at, last.id]
  }
}

export async function countRecords(database: Queryable): Promise<number> {
  return (await database.query<{ count: number }>('SELECT count(*)::int AS count FROM consent_records')).rows[0].count
}
