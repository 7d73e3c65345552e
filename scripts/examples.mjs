// The framework examples (examples/next, examples/nuxt…) as a user gets them: each has its own package.json and
// committed package-lock.json, installed into its own folder (never the repository's node_modules), and charto comes
// from the packed tarball, as `npm pack` makes it for a release. `node scripts/examples.mjs next nuxt` prepares the
// named ones; the Chromium suites call prepareExample() in their setup.
//
// Cached within a run and across runs: the tarball is packed once per build of dist/ (keyed by its contents), `npm ci`
// runs only when the example's lockfile changed since its last install, and the build only when its sources or the
// tarball changed.
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { tmpdir } from 'node:os'

const ROOT = join(import.meta.dirname, '..')
const CACHE = join(tmpdir(), 'charto-examples')
const NPM = ['--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error']

/**
 * Runs one step. NODE_ENV is the step's own: a test runner sets it to "test", with which Vite builds a development
 * bundle (SvelteKit's development warnings, React's development build), and "production" would make `npm ci` leave out
 * devDependencies.
 */
function run(command, args, cwd, nodeEnv) {
  let env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ASTRO_TELEMETRY_DISABLED: '1', NUXT_TELEMETRY_DISABLED: '1' }
  delete env.NODE_ENV
  if (nodeEnv) env.NODE_ENV = nodeEnv
  let result = spawnSync(command, args, { cwd, stdio: ['ignore', 'inherit', 'inherit'], env })
  if (result.status !== 0) throw new Error(`examples: \`${command} ${args.join(' ')}\` failed in ${relative(ROOT, cwd) || '.'}`)
}

/** A hash of every file under `folder`, skipping what installs and builds write. */
function hashTree(folder, skip = new Set(['node_modules', '.next', '.nuxt', '.output', '.svelte-kit', 'build', 'dist', '.astro'])) {
  let hash = createHash('sha256')
  let walk = (dir) => {
    for (let name of readdirSync(dir).sort()) {
      if (skip.has(name)) continue
      let path = join(dir, name)
      if (statSync(path).isDirectory()) walk(path)
      else hash.update(relative(folder, path)).update(readFileSync(path))
    }
  }
  walk(folder)
  return hash.digest('hex').slice(0, 16)
}

/**
 * Examples whose install and build take longest, left out of `npm test` unless CHARTO_ALL_EXAMPLES=1, so CI stays
 * well under 30 minutes on 2 cores (measured times in docs/frameworks.md).
 */
export const SLOW_EXAMPLES = ['astro', 'nuxt']

/** Whether examples/<name> runs in this test run. */
export const exampleEnabled = (name) => !SLOW_EXAMPLES.includes(name) || process.env.CHARTO_ALL_EXAMPLES == '1'

/** `npm pack` of the built package, once per build: the same tarball a release publishes. */
export function packCharto() {
  if (!existsSync(join(ROOT, 'dist', 'index.js'))) throw new Error('examples: build charto first (npm run build)')
  let key = hashTree(join(ROOT, 'dist'), new Set())
  let folder = join(CACHE, 'pack-' + key)
  let tarball = join(folder, 'charto.tgz')
  if (!existsSync(tarball)) {
    mkdirSync(folder, { recursive: true })
    let packed = spawnSync('npm', ['pack', '--pack-destination', folder, '--json', '--loglevel=error'], { cwd: ROOT, encoding: 'utf8' })
    if (packed.status !== 0) throw new Error('examples: npm pack failed\n' + packed.stderr)
    let [{ filename }] = JSON.parse(packed.stdout)
    spawnSync('mv', [join(folder, filename), tarball])
  }
  return tarball
}

/** Installs and builds examples/<name>; returns its folder and the seconds each step took (0 when cached). */
export function prepareExample(name) {
  let folder = join(ROOT, 'examples', name)
  let times = { install: 0, build: 0 }
  let tarball = packCharto()
  let stamp = (step) => join(folder, 'node_modules', `.charto-${step}`)
  let lock = createHash('sha256').update(readFileSync(join(folder, 'package-lock.json'))).digest('hex') + tarball
  let started = Date.now()
  if (!existsSync(stamp('install')) || readFileSync(stamp('install'), 'utf8') != lock) {
    run('npm', ['ci', ...NPM], folder)
    // --no-save: the lockfile stays the committed one; charto itself always comes from this build.
    run('npm', ['install', '--no-save', ...NPM, tarball], folder)
    writeFileSync(stamp('install'), lock)
    times.install = (Date.now() - started) / 1000
  }
  let sources = hashTree(folder) + lock + ' NODE_ENV=production'
  started = Date.now()
  if (!existsSync(stamp('build')) || readFileSync(stamp('build'), 'utf8') != sources) {
    run('npm', ['run', 'build', '--silent'], folder, 'production')
    writeFileSync(stamp('build'), sources)
    times.build = (Date.now() - started) / 1000
  }
  return { folder, times }
}

if (process.argv[1] === import.meta.filename) {
  for (let name of process.argv.slice(2)) {
    let { times } = prepareExample(name)
    console.log(`examples/${name}: install ${times.install}s, build ${times.build}s`)
  }
}
