import { defineConfig } from 'tsup'

export default defineConfig([
  {
    entry: { index: 'src/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    clean: true,
    target: 'es2020',
    treeshake: true
  },
  {
    // The ready <script> build: window.Charto, minified, dependencies bundled.
    entry: { charto: 'src/browser.ts' },
    format: ['iife'],
    globalName: 'Charto',
    minify: true,
    target: 'es2020',
    outExtension: () => ({ js: '.global.js' }),
    noExternal: [/.*/]
  }
])
