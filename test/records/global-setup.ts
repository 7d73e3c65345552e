// Once per run: a migrated PGlite folder to copy (creating one costs seconds of WebAssembly initdb; copying
// costs milliseconds) and, when installed, one PostgreSQL server whose databases the test files create.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { TestProject } from 'vitest/node'
import { migrate, openStore } from '../../src/server/index.js'
// @ts-ignore: plain ESM helper shared with bench/
import { findPostgres, startPostgres, POSTGRES_HINT } from '../../scripts/postgres.mjs'

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string
    postgresUrl: string | null
  }
}

export default async function setup(project: TestProject) {
  let folder = await mkdtemp(join(tmpdir(), 'charto-pglite-template-'))
  let store = await openStore({ dataDir: folder })
  await migrate(store)
  await store.close()
  project.provide('pgliteTemplate', folder)
  let postgres: { url: string; stop(): void } | null = null
  if (findPostgres()) postgres = await startPostgres()
  else if (process.env.CI) throw new Error(POSTGRES_HINT)
  else console.warn(`\n! PostgreSQL server tests skipped: ${POSTGRES_HINT}\n`)
  project.provide('postgresUrl', postgres ? postgres.url : null)
  return async () => {
    postgres?.stop()
    await rm(folder, { recursive: true, force: true })
  }
}
