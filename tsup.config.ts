import { readdirSync } from 'node:fs'
import { defineConfig } from 'tsup'

/** One module per EU language (charto/i18n/de), so the default bundle carries English only. */
const languages = Object.fromEntries(
  readdirSync('src/ui/i18n').map((file) => ['i18n/' + file.replace('.ts', ''), 'src/ui/i18n/' + file])
)

/** The script builds are minified by terser (two compress passes), which beats esbuild's minifier on size. */
// toplevel: false keeps `var Charto`, the global the script builds define.
const terser = { minify: 'terser', terserOptions: { compress: { passes: 2 }, ecma: 2020, toplevel: false } } as const

export default defineConfig([
  {
    // One shared core chunk, so an app importing charto and charto/react gets the core once.
    entry: { index: 'src/index.ts', react: 'src/react/index.ts', vue: 'src/vue/index.ts', ...languages },
    format: ['esm', 'cjs'],
    // charto/server's declarations come from here too: this build's clean removes every .d.ts in dist/ when its
    // declaration step starts, which would race with a second build writing them.
    dts: { entry: { index: 'src/index.ts', react: 'src/react/index.ts', vue: 'src/vue/index.ts', ...languages, server: 'src/server/index.ts' } },
    clean: true,
    target: 'es2020',
    // Rollup tree-shaking would drop the 'use client' directive Next.js needs in charto/react.
    treeshake: false,
    external: ['react', 'vue']
  },
  {
    // The ready <script> builds: the loader, and the single file for hosts that can serve only one. window.Charto,
    // minified, dependencies bundled.
    entry: { charto: 'src/browser.ts', 'charto.single-file': 'src/browser-single-file.ts' },
    format: ['iife'],
    globalName: 'Charto',
    ...terser,
    target: 'es2020',
    outExtension: () => ({ js: '.global.js' }),
    noExternal: [/.*/]
  },
  {
    // The loader's dialog chunk. scripts/build.mjs names it by its content hash and writes that name and its
    // integrity hash into the loader.
    entry: { 'charto.dialog': 'src/dialog-chunk.ts' },
    format: ['iife'],
    ...terser,
    // A visitor's chunk: development warnings (src/development.ts) are dropped.
    define: { CHARTO_DEVELOPMENT: 'false' },
    target: 'es2020',
    outExtension: () => ({ js: '.js' }),
    noExternal: [/.*/]
  },
  {
    // The same languages for the <script> build: dist/i18n/de.global.js registers itself on window.ChartoI18n.
    entry: Object.fromEntries(Object.entries(languages).map(([name, file]) => [name + '.global', file])),
    format: ['iife'],
    minify: true,
    target: 'es2020',
    outExtension: () => ({ js: '.js' }),
    esbuildOptions(options, { format }) {
      options.globalName = '__chartoLanguage'
      options.footer = {
        js: '(self.ChartoI18n=self.ChartoI18n||{})[document.currentScript.src.match(/([\\w-]+)\\.global\\.js/)[1]]=__chartoLanguage.default;'
      }
    }
  },
  {
    // `npx charto`: validate, declaration, audit, records. playwright-core is loaded only by audit, the database
    // drivers only by records.
    entry: { cli: 'src/cli/bin.ts' },
    format: ['esm'],
    platform: 'node',
    target: 'node18',
    external: ['playwright-core', 'pg', '@electric-sql/pglite']
  },
  {
    // charto/server: the consent records service, Node only. Its own build, so nothing of it can reach the browser
    // bundles above; the drivers stay external (optional dependencies, loaded when a store opens).
    entry: { server: 'src/server/index.ts' },
    format: ['esm', 'cjs'],
    platform: 'node',
    target: 'node18',
    shims: true,
    external: ['pg', '@electric-sql/pglite']
  },
  {
    // The records dashboard's script and styles, uPlot included: served by the service from dist/, no CDN.
    entry: { 'records-dashboard': 'src/server/dashboard-client.ts' },
    format: ['iife'],
    minify: true,
    target: 'es2020',
    outExtension: () => ({ js: '.global.js' }),
    noExternal: [/.*/]
  }
])
