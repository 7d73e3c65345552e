import { defineConfig } from 'vitest/config'

// The records service (charto/server) in Node against both stores: PGlite always, a PostgreSQL server when
// Debian's postgresql package is there (scripts/test.mjs requires it in CI). One file at a time: two cores.
export default defineConfig({
  test: {
    include: ['test/records/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['test/records/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false
  }
})
