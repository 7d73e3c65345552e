// The one place that knows which PostgreSQL runs underneath: PGlite in this process, or a server through `pg`.
// Everything above speaks plain SQL to `Store`, so the same statements and migrations run on both.
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs'
import { join, resolve } from 'node:path'

export interface Result<Row> {
  rows: Row[]
  /** Rows inserted, updated or deleted by the statement. */
  count: number
}

export interface Queryable {
  /** One statement with `$1`… parameters. */
  query<Row = Record<string, any>>(sql: string, params?: unknown[]): Promise<Result<Row>>
}

export interface Store extends Queryable {
  readonly kind: 'pglite' | 'postgres'
  /** Runs `work` inside BEGIN … COMMIT on one connection; ROLLBACK when it throws. */
  transaction<T>(work: (transaction: Queryable) => Promise<T>): Promise<T>
  close(): Promise<void>
}

export interface StoreOptions {
  /** `postgres://…`: a PostgreSQL server through `pg`. Without it, PGlite in `dataDir`. */
  databaseUrl?: string
  /** PGlite's folder (default `./charto-records`); `memory://` keeps everything in memory. */
  dataDir?: string
  /** Longest a statement may run on a server before PostgreSQL cancels it (default 5000 ms; 0: no limit). */
  statementTimeoutMs?: number
  /** Connections to a server (default 10). */
  poolSize?: number
}

/** The store cannot be opened or reached: a message for people, without the connection string. */
export class StoreUnavailableError extends Error {}

export const DEFAULT_DATA_DIR = './charto-records'

/** A package that is an optional dependency of charto: a clear sentence instead of a module resolution stack. */
async function load<T>(name: string, why: string): Promise<T> {
  try {
    return (await import(name)) as T
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ERR_MODULE_NOT_FOUND' && (error as NodeJS.ErrnoException).code !== 'MODULE_NOT_FOUND') throw error
    throw new StoreUnavailableError(`${why} needs the "${name}" package, which was not installed: run npm install ${name}`)
  }
}

export function openStore(options: StoreOptions = {}): Promise<Store> {
  return options.databaseUrl ? openPostgres(options.databaseUrl, options) : openPglite(options.dataDir || DEFAULT_DATA_DIR)
}

async function openPostgres(databaseUrl: string, options: StoreOptions): Promise<Store> {
  let pg = await load<typeof import('pg')>('pg', 'DATABASE_URL')
  let Pool = (pg.default || pg).Pool
  let timeout = options.statementTimeoutMs ?? 5000
  let pool = new Pool({
    connectionString: databaseUrl,
    max: options.poolSize ?? 10,
    connectionTimeoutMillis: timeout || 10_000,
    statement_timeout: timeout,
    idle_in_transaction_session_timeout: timeout * 2,
    application_name: 'charto-records'
  })
  // A connection that breaks while idle (the server restarts) is replaced on next use; it must not crash the process.
  pool.on('error', () => {})
  try {
    await pool.query('SELECT 1')
  } catch (error) {
    await pool.end().catch(() => {})
    throw new StoreUnavailableError(`cannot reach the PostgreSQL server in DATABASE_URL: ${(error as Error).message}`)
  }
  let query = async (client: { query: import('pg').Pool['query'] }, sql: string, params?: unknown[]) => {
    let result = await client.query(sql, params as any[])
    return { rows: result.rows, count: result.rowCount ?? 0 }
  }
  return {
    kind: 'postgres',
    query: (sql, params) => query(pool, sql, params) as any,
    async transaction(work) {
      let client = await pool.connect()
      // A connection lost while checked out (the server stops) fails the transaction below, not the process.
      let ignore = () => {}
      client.on('error', ignore)
      try {
        await client.query('BEGIN')
        let value = await work({ query: (sql, params) => query(client as any, sql, params) as any })
        await client.query('COMMIT')
        return value
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {})
        throw error
      } finally {
        client.off('error', ignore)
        client.release()
      }
    },
    close: () => pool.end()
  }
}

/**
 * PGlite is one PostgreSQL backend inside this process: two processes on one folder would corrupt it, so a lock
 * file beside the data names the process that holds it.
 */
function lockFolder(folder: string): () => void {
  mkdirSync(folder, { recursive: true })
  let lock = join(folder, 'lock')
  for (let tries = 0; tries < 2; tries++) {
    try {
      let handle = openSync(lock, 'wx')
      writeSync(handle, String(process.pid))
      closeSync(handle)
      return () => rmSync(lock, { force: true })
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw new StoreUnavailableError(`cannot write to ${folder}: ${(error as Error).message}`)
      let holder = Number(readFileSync(lock, 'utf8'))
      let alive = false
      try {
        alive = holder > 0 && process.kill(holder, 0)
      } catch (kill) {
        alive = (kill as NodeJS.ErrnoException).code === 'EPERM'
      }
      if (alive) {
        throw new StoreUnavailableError(
          `${folder} is in use by process ${holder} (a running "charto records serve"?): stop it, or ask the running service over HTTP (/admin/export, /admin/stats)`
        )
      }
      rmSync(lock, { force: true })
    }
  }
  throw new StoreUnavailableError(`cannot lock ${folder}`)
}

async function openPglite(dataDir: string): Promise<Store> {
  let { PGlite } = await load<typeof import('@electric-sql/pglite')>('@electric-sql/pglite', 'The embedded store')
  let inMemory = dataDir.startsWith('memory://')
  let folder = resolve(dataDir)
  let unlock = inMemory ? () => {} : lockFolder(folder)
  let db: import('@electric-sql/pglite').PGlite
  try {
    db = new PGlite(inMemory ? dataDir : join(folder, 'pgdata'))
    await db.waitReady
  } catch (error) {
    unlock()
    throw new StoreUnavailableError(`cannot open the PGlite store in ${folder}: ${(error as Error).message}`)
  }
  let run = async (target: Pick<typeof db, 'query'>, sql: string, params?: unknown[]) => {
    let result = await target.query<any>(sql, params)
    return { rows: result.rows, count: result.affectedRows ?? 0 }
  }
  return {
    kind: 'pglite',
    query: (sql, params) => run(db, sql, params) as any,
    transaction: (work) => db.transaction((transaction) => work({ query: (sql, params) => run(transaction, sql, params) as any })),
    async close() {
      try {
        await db.close()
      } finally {
        unlock()
      }
    }
  }
}
