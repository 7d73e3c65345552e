import { defineConfig } from 'vitest/config'

// Browser tests: Node drives Debian's Chromium through playwright-core against pages served on 127.0.0.1.
export default defineConfig({
  test: {
    include: ['test/browser/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false
  }
})
