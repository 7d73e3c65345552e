// Size budgets (brotli), checked by `npx size-limit` in `npm test`: each limit is the measured size with a little room
// for brotli noise, so that growth fails CI. The architecture issue's targets (loader 8,000 B, first visit 12,500 B,
// createConsent 5,000 B) are not met yet; the closing notes say where the bytes go. The script-tag files are measured as built:
// esbuild copies them byte for byte instead of bundling them again, so what is measured is what a visitor downloads.
const asBuilt = ({ external, ...config }) => ({ ...config, bundle: false, treeShaking: false, minifyIdentifiers: false, minifySyntax: false, minifyWhitespace: false, loader: { '.js': 'copy' } })

// An app's first bundle: the dialog chunk that `init` imports dynamically stays a file of its own.
const firstBundle = (config) => ({ ...config, external: [...(config.external || []), './ui-*'] })

export default [
  { name: 'loader dist/charto.global.js (what a returning visitor downloads)', path: 'dist/charto.global.js', modifyEsbuildConfig: asBuilt, limit: '11.4 kB' },
  {
    name: 'loader + dialog chunk with English (what a first visit downloads)',
    path: ['dist/charto.global.js', 'dist/charto.dialog.*.js'],
    modifyEsbuildConfig: asBuilt,
    limit: '16.45 kB'
  },
  { name: 'single-file build dist/charto.single-file.global.js', path: 'dist/charto.single-file.global.js', modifyEsbuildConfig: asBuilt, limit: '15.25 kB' },
  { name: 'createConsent (core)', path: 'dist/index.js', import: '{ createConsent }', limit: '6.25 kB' },
  { name: 'createConsent + blocker (core and gating)', path: 'dist/index.js', import: '{ createConsent, blocker }', limit: '8.6 kB' },
  { name: 'createConsent + consentMode (Consent Mode and GPC)', path: 'dist/index.js', import: '{ createConsent, consentMode }', limit: '6.6 kB' },
  {
    name: "init (npm: what an app's first bundle holds; the dialog is the chunk it imports when needed)",
    path: 'dist/index.js',
    import: '{ init }',
    modifyEsbuildConfig: firstBundle,
    limit: '10.95 kB'
  },
  { name: 'init with its dialog chunk (npm)', path: 'dist/index.js', import: '{ init }', limit: '15.8 kB' }
]
