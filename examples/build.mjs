// Bundles the React and Vue examples with esbuild into examples/<name>/bundle.js (git-ignored), and builds the Vite
// example (examples/vite-spa/dist/, git-ignored) with Vite.
// Run: node examples/build.mjs (npm run demo and the example tests run it for you).
// `charto`, `charto/react` and `charto/vue` resolve as in your own app: through the package's exports to the build in
// dist/ (Node's self-reference, since the examples live inside the package). Before a build, or for a subpath the
// build does not export yet, they fall back to the sources, with a note.
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'

const ROOT = join(import.meta.dirname, '..')
const SOURCES = {
  charto: 'src/index.ts',
  'charto/react': 'src/react/index.ts',
  'charto/vue': 'src/vue/index.ts'
}

/** The file `specifier` resolves to through package.json "exports", or the source file when that fails. */
function locate(specifier) {
  try {
    let file = fileURLToPath(import.meta.resolve(specifier))
    if (existsSync(file)) return { path: file }
    throw new Error('not built')
  } catch {
    console.warn(`examples/build.mjs: ${specifier} is not built (run npm run build); bundling ${SOURCES[specifier]} instead`)
    return { path: join(ROOT, SOURCES[specifier]) }
  }
}

const charto = {
  name: 'charto',
  setup(build) {
    build.onResolve({ filter: /^charto(\/(react|vue))?$/ }, ({ path }) => locate(path))
  }
}

const examples = [
  { name: 'react', entry: 'examples/react/app.jsx' },
  { name: 'vue', entry: 'examples/vue/app.js' }
]

let started = performance.now()
await Promise.all(
  examples.map(({ name, entry }) =>
    build({
      entryPoints: [join(ROOT, entry)],
      outfile: join(ROOT, 'examples', name, 'bundle.js'),
      bundle: true,
      format: 'esm',
      minify: true,
      target: 'es2020',
      jsx: 'automatic',
      plugins: [charto],
      define: {
        'process.env.NODE_ENV': '"production"',
        __VUE_OPTIONS_API__: 'false',
        __VUE_PROD_DEVTOOLS__: 'false',
        __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false'
      },
      logLevel: 'warning'
    })
  )
)
let built = examples.map((e) => e.name + '/bundle.js')

// The Vite + TypeScript SPA (examples/vite-spa) builds with its own vite.config.ts into examples/vite-spa/dist/.
const viteConfig = join(ROOT, 'examples', 'vite-spa', 'vite.config.ts')
if (existsSync(viteConfig)) {
  let vite = await import('vite').catch(() => null)
  if (vite) {
    await vite.build({ configFile: viteConfig, logLevel: 'warn' })
    built.push('vite-spa/dist/')
  } else console.warn('examples/build.mjs: vite is not installed (npm install); skipping examples/vite-spa')
}
console.log(`examples built (${built.join(', ')}) in ${Math.round(performance.now() - started)} ms`)
