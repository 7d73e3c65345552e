import { defineConfig } from 'vite'

// A fresh Vite app with charto installed from the packed tarball (npm pack), as a user tries an unreleased version.
// Served by the Chromium test from /examples/vite-react/dist/.
export default defineConfig({
  base: '/examples/vite-react/dist/',
  build: { outDir: 'dist', emptyOutDir: true },
  logLevel: 'warn'
})
