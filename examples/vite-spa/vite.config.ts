import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vite'

// Uses the package as built in this repository (dist/), exactly what `npm install charto` gives an app.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/examples/vite-spa/dist/',
  resolve: { alias: { charto: fileURLToPath(new URL('../../dist/index.js', import.meta.url)) } },
  build: { outDir: 'dist', emptyOutDir: true },
  logLevel: 'warn'
})
