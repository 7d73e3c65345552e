import { defineConfig } from 'vitest/config'

// Unit tests: DOM behaviour in happy-dom. Real-browser behaviour lives in vitest.browser.config.ts.
export default defineConfig({
  // The unit tests see the development build's checks and warnings (src/development.ts).
  define: { CHARTO_DEVELOPMENT: 'true' },
  test: {
    include: ['src/**/*.test.ts', 'test/unit/**/*.test.ts'],
    environment: 'happy-dom'
  }
})
