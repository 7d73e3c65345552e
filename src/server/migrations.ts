// Versioned schema changes, applied in order at start. A version, once released, never changes: add the next one.
import type { Store } from './store.js'

export interface Migration {
  version: number
  name: string
  /** One statement per entry (PGlite's extended protocol takes one at a time). */
  statements: string[]
}

export const MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: 'consent records',
    statements: [
      // One row per decision. (id, updated_at) is the decision: a retried delivery meets the key and is not stored twice.
      // No column can hold an IP address, a user agent, a cookie or a query string.
      `CREATE TABLE consent_records (
        id uuid NOT NULL,
        updated_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now(),
        revision integer NOT NULL,
        config_hash text NOT NULL,
        method text NOT NULL,
        gpc boolean NOT NULL,
        mode text NOT NULL,
        region text,
        language text,
        url text NOT NULL,
        categories jsonb NOT NULL,
        services jsonb NOT NULL,
        PRIMARY KEY (id, updated_at)
      )`,
      // Export and stats read by decision time; the purge reads by expiry.
      `CREATE INDEX consent_records_by_time ON consent_records (updated_at, id)`,
      `CREATE INDEX consent_records_by_expiry ON consent_records (expires_at)`
    ]
  }
]

/** Any number taken by no other application's advisory lock: two services starting together migrate one at a time. */
const MIGRATION_LOCK = 2_722_786_001

/** Applies the migrations this database lacks; returns their versions. */
export function migrate(store: Store, migrations = MIGRATIONS): Promise<number[]> {
  return store.transaction(async (transaction) => {
    await transaction.query(`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK})`)
    await transaction.query(
      `CREATE TABLE IF NOT EXISTS charto_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`
    )
    let { rows } = await transaction.query<{ version: number }>('SELECT version FROM charto_migrations')
    let applied = new Set(rows.map((row) => row.version))
    let newly: number[] = []
    for (let migration of migrations) {
      if (applied.has(migration.version)) continue
      for (let statement of migration.statements) await transaction.query(statement)
      await transaction.query('INSERT INTO charto_migrations (version, name) VALUES ($1, $2)', [migration.version, migration.name])
      newly.push(migration.version)
    }
    return newly
  })
}
