import { readdirSync } from 'node:fs'
import { defineConfig } from 'tsup'

/** One module per EU language (charto/i18n/de), so the default bundle carries English only. */
const languages = Object.fromEntries(
  readdirSync('src/ui/i18n').map((file) => ['i18n/' + file.replace('.ts', ''), 'src/ui/i18n/' + file])
)

/**
 * The script builds are minified by terser, which beats esbuild's minifier on size; a third compress pass saved
 * 65 B brotli on the loader.
 *
 * Internal fields may be renamed too: a property whose name ends in one underscore (`sequence_`, never `__proto__`)
 * is internal to one bundle by convention, and terser shortens it. Public API, configuration keys, event names, DOM
 * properties and anything one bundle hands to another (the loader to its chunks) must never end in `_`: each
 * bundle is mangled on its own, so a field shared by two would get two different names.
 */
const terser = {
  minify: 'terser',
  // toplevel: false, or terser (which tsup tells to mangle the top level of an IIFE without a global name) unwraps
  // the IIFE and leaves its variables as globals of the page: `var e,t,r` that clobber the site's own and each other's.
  terserOptions: { compress: { passes: 3 }, mangle: { properties: { regex: /^[A-Za-z]\w*[A-Za-z\d]_$/ } }, ecma: 2020, toplevel: false }
} as const

/**
 * `isDevelopment` (src/development.ts) as a constant: `false` in what visitors download, so the minifier drops the
 * development-only checks and warnings; `true` in the development builds (dist/charto.dev.global.js and the
 * `development` export condition), which carry the full validator with every problem and its hint.
 */
const production = { define: { CHARTO_DEVELOPMENT: 'false' } }
const development = { define: { CHARTO_DEVELOPMENT: 'true' } }

export default defineConfig([
  {
    // One shared core chunk, so an app importing charto and charto/react gets the core once.
    entry: { index: 'src/index.ts', react: 'src/react/index.ts', vue: 'src/vue/index.ts', next: 'src/next/index.ts', 'nuxt-plugin': 'src/nuxt/plugin.ts', wordpress: 'src/platforms/wordpress.ts', shopify: 'src/platforms/shopify.ts', ...languages },
    format: ['esm', 'cjs'],
    // charto/server's declarations come from here too: this build's clean removes every .d.ts in dist/ when its
    // declaration step starts, which would race with a second build writing them.
    dts: { entry: { index: 'src/index.ts', react: 'src/react/index.ts', vue: 'src/vue/index.ts', next: 'src/next/index.ts', nuxt: 'src/nuxt/module.ts', wordpress: 'src/platforms/wordpress.ts', shopify: 'src/platforms/shopify.ts', ...languages, server: 'src/server/index.ts' } },
    clean: true,
    target: 'es2020',
    ...production,
    // Syntax folding only (names and layout stay readable): `isDevelopment` becomes a constant, so that an app's
    // bundler drops the development branches and the full validator they call.
    esbuildOptions(options) {
      options.minifySyntax = true
    },
    // Rollup tree-shaking would drop the 'use client' directive Next.js needs in charto/react.
    treeshake: false,
    // '#app' is Nuxt's alias, resolved when the app's bundler compiles dist/nuxt-plugin.js.
    external: ['react', 'vue', '#app']
  },
  {
    // The ready <script> builds: the loader, and the single file for hosts that can serve only one. Each assigns
    // window.Charto itself; minified, dependencies bundled.
    entry: { charto: 'src/browser.ts', 'charto.single-file': 'src/browser-single-file.ts' },
    format: ['iife'],
    ...terser,
    ...production,
    target: 'es2020',
    outExtension: () => ({ js: '.global.js' }),
    noExternal: [/.*/]
  },
  {
    // The development loader (dist/charto.dev.global.js): the loader with the full validator (every problem, with a
    // hint) and the development warnings. Not minified, so that a stack trace reads. It fetches the same chunks.
    entry: { 'charto.dev': 'src/browser.ts' },
    format: ['iife'],
    ...development,
    target: 'es2020',
    outExtension: () => ({ js: '.global.js' }),
    noExternal: [/.*/]
  },
  {
    // The `development` export condition of charto (bundlers pick it in development mode): the npm build with the
    // full validator and the development warnings. charto/react and charto/vue keep the production core.
    entry: { 'index.development': 'src/index.ts' },
    format: ['esm', 'cjs'],
    ...development,
    target: 'es2020',
    external: ['react', 'vue']
  },
  {
    // The loader's chunks: the dialog, its preferences centre, the record delivery, and the clearing. scripts/build.mjs
    // names each by its content hash and writes that name and its integrity hash into the loaders.
    entry: {
      'charto.dialog': 'src/dialog-chunk.ts',
      'charto.preferences': 'src/preferences-chunk.ts',
      'charto.records': 'src/records-chunk.ts',
      'charto.clear': 'src/clear-chunk.ts'
    },
    format: ['iife'],
    ...terser,
    ...production,
    target: 'es2020',
    outExtension: () => ({ js: '.js' }),
    noExternal: [/.*/]
  },
  {
    // The platform bridges for the <script> build: dist/wordpress.global.js and dist/shopify.global.js attach to the
    // manager the loader started. No global name: they define nothing on window.
    entry: { 'wordpress.global': 'src/platforms/wordpress.global.ts', 'shopify.global': 'src/platforms/shopify.global.ts' },
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
    // A tool for developers: the full validator, whose every problem comes with a hint.
    ...development,
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
    // charto/nuxt: the Nuxt module, which runs in Node while Nuxt builds. Its plugin (dist/nuxt-plugin.js) is built
    // with the browser modules above, so that it shares their chunks with the app's own `import 'charto'`.
    entry: { nuxt: 'src/nuxt/module.ts' },
    format: ['esm', 'cjs'],
    platform: 'node',
    target: 'node18',
    // import.meta.url, which finds the plugin, in the CommonJS build too.
    shims: true
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
