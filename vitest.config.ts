import { defineConfig } from 'vitest/config'

// Unit tests: DOM behaviour in happy-dom. Real-browser behaviour lives in vitest.browser.config.ts.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/unit/**/*.test.ts'],
    environment: 'happy-dom'
  }
})
