// `npm run build`: tsup, then each loader is pinned to its chunks. A chunk gets a content-hashed name
// (charto.dialog.<hash>.js) and the loaders carry that name and the chunk's Subresource Integrity hash, so a CDN or a
// stale copy can never pair a loader with another build's chunk. The loader gets V8's compile hint (see below).
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { readFile, rename, writeFile } from 'node:fs/promises'
import { join } from 'node:path'

const DIST = join(import.meta.dirname, '..', 'dist')

/** Each chunk as tsup writes it, and the placeholder its loaders carry (PLACEHOLDER_FILE, PLACEHOLDER_INTEGRITY). */
const CHUNKS = [
  { name: 'charto.dialog', placeholder: 'CHARTO_DIALOG' },
  { name: 'charto.preferences', placeholder: 'CHARTO_PREFERENCES' },
  { name: 'charto.records', placeholder: 'CHARTO_RECORDS' },
  { name: 'charto.clear', placeholder: 'CHARTO_CLEAR' }
]
/** The loaders: the one pages use, and the development one. Both fetch the same chunks. */
const LOADERS = ['charto.global.js', 'charto.dev.global.js']

let tsup = spawnSync('npx', ['--no-install', 'tsup', ...process.argv.slice(2)], { stdio: 'inherit' })
if (tsup.status !== 0) process.exit(tsup.status || 1)

// V8's explicit compile hint: a file that starts with this comment has all its functions compiled at once, while the
// script is streamed, instead of each one lazily on its first call. The loader calls nearly all of its functions on
// every page (a returning visitor's too), so lazy compilation was pure overhead there. Added after terser, which would
// drop the comment. Measured paired (bench/levers.mjs, 20 rounds): -7.9 ms of script CPU on a returning visit, -7.4 ms
// on a first visit. Not on the dialog chunk (no gain measured: +0.4 ms, within noise) nor on the single-file build,
// whose dialog code a returning visitor never runs.
const COMPILE_HINT = '//# allFunctionsCalledOnLoad\n'

let pins = []
for (let { name, placeholder } of CHUNKS) {
  let chunk = await readFile(join(DIST, name + '.js'))
  let file = `${name}.${createHash('sha256').update(chunk).digest('hex').slice(0, 10)}.js`
  let integrity = 'sha384-' + createHash('sha384').update(chunk).digest('base64')
  await rename(join(DIST, name + '.js'), join(DIST, file))
  pins.push({ placeholder, file, integrity })
}

for (let loaderFile of LOADERS) {
  let loaderPath = join(DIST, loaderFile)
  let loader = await readFile(loaderPath, 'utf8')
  for (let { placeholder, file, integrity } of pins) {
    if (!loader.includes(placeholder + '_FILE') || !loader.includes(placeholder + '_INTEGRITY')) {
      throw new Error(`build: dist/${loaderFile} has no ${placeholder}_FILE and ${placeholder}_INTEGRITY placeholders to fill`)
    }
    loader = loader.replaceAll(placeholder + '_FILE', file).replaceAll(placeholder + '_INTEGRITY', integrity)
    console.log(`build: dist/${loaderFile} pinned to dist/${file} (${integrity})`)
  }
  // The development loader is not what visitors download: no compile hint.
  await writeFile(loaderPath, loaderFile == 'charto.global.js' ? COMPILE_HINT + loader : loader)
}
