// Size budgets (brotli), checked by `npx size-limit` in `npm test`. The architecture issue's limits are loader
// 8,000 B, first visit 12,500 B, createConsent 5,000 B, init ≤ loader + 500 B. Where a limit is not met yet, the
// budget here is the measured size with a little room for brotli noise, so that growth fails CI; the closing notes
// say where the bytes go. The script-tag files are measured as built: esbuild copies them byte for byte instead of
// bundling them again, so what is measured is what a visitor downloads.
const asBuilt = ({ external, ...config }) => ({ ...config, bundle: false, treeShaking: false, minifyIdentifiers: false, minifySyntax: false, minifyWhitespace: false, loader: { '.js': 'copy' } })

// An app's first bundle: the dialog, its preferences centre and the record delivery, which `init` imports dynamically,
// stay files of their own.
// Measured so for createConsent too: bundled whole, esbuild wraps the modules it shares with those chunks in lazy
// initialisers (about 70 B) that an app's bundler, which splits them into chunks, does not add.
const firstBundle = (config) => ({ ...config, external: [...(config.external || []), './dialog-*', './preferences-view-*', './delivery-*'] })

export default [
  { name: 'loader dist/charto.global.js (what a returning visitor downloads)', path: 'dist/charto.global.js', modifyEsbuildConfig: asBuilt, limit: '10.5 kB' },
  {
    name: 'loader + dialog chunk with English (what a first visit answered from the banner downloads)',
    path: ['dist/charto.global.js', 'dist/charto.dialog.*.js'],
    modifyEsbuildConfig: asBuilt,
    limit: '14.95 kB'
  },
  // Fetched by the loader only when a visitor opens the preferences centre (or is about to: the banner's Preferences
  // button pointed at or focused).
  { name: 'preferences chunk dist/charto.preferences.*.js', path: 'dist/charto.preferences.*.js', modifyEsbuildConfig: asBuilt, limit: '1.85 kB' },
  {
    name: 'loader + dialog + preferences chunks (informational: a first visit that opens the preferences)',
    path: ['dist/charto.global.js', 'dist/charto.dialog.*.js', 'dist/charto.preferences.*.js'],
    modifyEsbuildConfig: asBuilt
  },
  // Fetched by the loader only when a record is to be sent (a decision, or a record waiting in the queue).
  { name: 'records chunk dist/charto.records.*.js', path: 'dist/charto.records.*.js', modifyEsbuildConfig: asBuilt, limit: '1.35 kB' },
  // Fetched by the loader only when a decision refuses a category or service that lists cookies or storage.
  { name: 'clearing chunk dist/charto.clear.*.js', path: 'dist/charto.clear.*.js', modifyEsbuildConfig: asBuilt, limit: '0.9 kB' },
  { name: 'single-file build dist/charto.single-file.global.js', path: 'dist/charto.single-file.global.js', modifyEsbuildConfig: asBuilt, limit: '15.65 kB' },
  // For information: the development loader carries the full validator and is not minified; no visitor downloads it.
  { name: 'development loader dist/charto.dev.global.js (informational)', path: 'dist/charto.dev.global.js', modifyEsbuildConfig: asBuilt },
  { name: 'createConsent (core)', path: 'dist/index.js', import: '{ createConsent }', modifyEsbuildConfig: firstBundle, limit: '6.1 kB' },
  { name: 'createConsent + blocker (core and gating)', path: 'dist/index.js', import: '{ createConsent, blocker }', modifyEsbuildConfig: firstBundle, limit: '8.8 kB' },
  { name: 'createConsent + consentMode (Consent Mode and GPC)', path: 'dist/index.js', import: '{ createConsent, consentMode }', modifyEsbuildConfig: firstBundle, limit: '6.5 kB' },
  {
    // At most the loader's budget + 500 B.
    name: "init (npm: what an app's first bundle holds; the dialog and the record delivery are chunks it imports when needed)",
    path: 'dist/index.js',
    import: '{ init }',
    modifyEsbuildConfig: firstBundle,
    limit: '10.6 kB'
  },
  { name: 'init with its dialog chunk (npm)', path: 'dist/index.js', import: '{ init }', limit: '17.05 kB' },
  {
    // charto/nuxt's client-only plugin: `init` and the few bytes that hand Nuxt the manager. '#app' is Nuxt's own.
    name: "charto/nuxt plugin (what a Nuxt app's first bundle holds of charto)",
    path: 'dist/nuxt-plugin.js',
    modifyEsbuildConfig: (config) => firstBundle({ ...config, external: [...(config.external || []), '#app'] }),
    limit: '10.9 kB'
  }
]
