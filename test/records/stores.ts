// Both stores, each test file on fresh data: a copy of the migrated PGlite folder, or a new database on the server.
import { cp, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { inject } from 'vitest'
import { migrate, openStore, type Store } from '../../src/server/index.js'

export interface StoreUnderTest {
  name: string
  /** `{ dataDir }` or `{ databaseUrl }`: what the CLI and openStore are given. */
  location(): { dataDir?: string; databaseUrl?: string }
  open(): Promise<Store>
  dispose(): Promise<void>
}

let counter = 0

/** A fresh PGlite folder, migrated. */
export async function freshPglite(): Promise<StoreUnderTest> {
  let folder = await mkdtemp(join(tmpdir(), 'charto-pglite-'))
  await cp(inject('pgliteTemplate'), folder, { recursive: true })
  return {
    name: 'PGlite',
    location: () => ({ dataDir: folder }),
    open: () => openStore({ dataDir: folder }),
    dispose: () => rm(folder, { recursive: true, force: true })
  }
}

/** A fresh database on the shared PostgreSQL server, migrated; null when no server is installed (local runs). */
export async function freshPostgres(): Promise<StoreUnderTest | null> {
  let server = inject('postgresUrl')
  if (!server) return null
  let name = `charto_test_${process.pid}_${Date.now()}_${counter++}`
  let admin = await openStore({ databaseUrl: server })
  await admin.query(`CREATE DATABASE ${name}`)
  await admin.close()
  let databaseUrl = server.replace(/\/postgres$/, '/' + name)
  let store = await openStore({ databaseUrl })
  await migrate(store)
  await store.close()
  return {
    name: 'PostgreSQL server',
    location: () => ({ databaseUrl }),
    open: () => openStore({ databaseUrl }),
    async dispose() {
      let admin = await openStore({ databaseUrl: server })
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      await admin.close()
    }
  }
}

/** The stores to run a suite on: PGlite always, the server when there is one. */
export const STORE_KINDS = ['PGlite', ...(inject('postgresUrl') ? ['PostgreSQL server'] : [])]
export const freshStore = async (kind: string) => (kind == 'PGlite' ? freshPglite() : (await freshPostgres())!)

export { sampleRecord } from './sample-record.js'

/** A random UUID v4 as the SDK makes them. */
export const consentId = () => crypto.randomUUID()

/** Every value in every table, as text: what "nothing of it is stored" is checked against. */
export async function dumpDatabase(store: Store): Promise<string> {
  let tables = await store.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`
  )
  let text = ''
  for (let { table_name } of tables.rows) {
    let { rows } = await store.query(`SELECT * FROM ${table_name}`)
    text += table_name + '\n' + rows.map((row) => JSON.stringify(row)).join('\n') + '\n'
  }
  return text
}
