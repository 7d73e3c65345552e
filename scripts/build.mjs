// `npm run build`: tsup, then the loader is pinned to its dialog chunk. The chunk gets a content-hashed name
// (charto.dialog.<hash>.js) and the loader carries that name and the chunk's Subresource Integrity hash, so a CDN or
// a stale copy can never pair a loader with another build's chunk.
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { readFile, rename, writeFile } from 'node:fs/promises'
import { join } from 'node:path'

const DIST = join(import.meta.dirname, '..', 'dist')

let tsup = spawnSync('npx', ['--no-install', 'tsup', ...process.argv.slice(2)], { stdio: 'inherit' })
if (tsup.status !== 0) process.exit(tsup.status || 1)

let chunk = await readFile(join(DIST, 'charto.dialog.js'))
let file = `charto.dialog.${createHash('sha256').update(chunk).digest('hex').slice(0, 10)}.js`
let integrity = 'sha384-' + createHash('sha384').update(chunk).digest('base64')
await rename(join(DIST, 'charto.dialog.js'), join(DIST, file))

let loaderPath = join(DIST, 'charto.global.js')
let loader = await readFile(loaderPath, 'utf8')
let pinned = loader.replace('CHARTO_DIALOG_FILE', file).replace('CHARTO_DIALOG_INTEGRITY', integrity)
if (pinned == loader || pinned.includes('CHARTO_DIALOG_')) throw new Error('build: the loader has no dialog placeholders to fill')
await writeFile(loaderPath, pinned)
console.log(`build: dist/charto.global.js pinned to dist/${file} (${integrity})`)
