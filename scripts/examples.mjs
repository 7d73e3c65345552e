// The framework examples (examples/next, examples/nuxt…) as a user gets them: each has its own package.json and
// committed package-lock.json, installed into its own folder (never the repository's node_modules), and charto comes
// from the packed tarball, as `npm pack` makes it for a release. The Chromium suites call prepareExample() in their
// setup, so one suite runs alone; `npm test` prepares them all first (scripts/test.mjs):
//
//   node scripts/examples.mjs install [names…]   `npm ci` of each example, two at a time; needs no build of charto
//   node scripts/examples.mjs prepare [names…]   the same, then charto's tarball into each (two at a time), then
//                                                each production build, one at a time (they keep both cores busy)
//
// Each step is skipped when its inputs have not changed since it last ran, within a run and across runs: `npm ci`
// when the example's lockfile has not, charto's install when the tarball has not (it is packed once per build of
// dist/, keyed by its contents), the build when neither the example's sources nor the tarball have. So a change to
// charto costs an example a reinstall of charto and a build, never its whole `npm ci`.
import { spawn, spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { tmpdir } from 'node:os'

const ROOT = join(import.meta.dirname, '..')
const CACHE = join(tmpdir(), 'charto-examples')
const NPM = ['--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error']

/** Every framework example, in the order `npm test` builds them. */
export const EXAMPLES = ['vite-react', 'next', 'sveltekit', 'astro', 'nuxt']

/** CHARTO_SKIP_EXAMPLES=1 leaves the framework examples out of a local run (CI never sets it). */
export const examplesSkipped = () => process.env.CHARTO_SKIP_EXAMPLES == '1'

/**
 * Installs (`npm ci`, charto's tarball) run at most this many at once. Each is mostly waiting on the network or the
 * disk, so two overlap well on two cores; more only make them take turns on the CPU while unpacking.
 */
const INSTALLS_AT_ONCE = 2

/**
 * The environment of one step. NODE_ENV is the step's own: a test runner sets it to "test", with which Vite builds a
 * development bundle (SvelteKit's development warnings, React's development build), and "production" would make
 * `npm ci` leave out devDependencies.
 */
function environment(nodeEnv) {
  let env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ASTRO_TELEMETRY_DISABLED: '1', NUXT_TELEMETRY_DISABLED: '1' }
  delete env.NODE_ENV
  if (nodeEnv) env.NODE_ENV = nodeEnv
  return env
}

const failure = (command, args, cwd) => new Error(`examples: \`${command} ${args.join(' ')}\` failed in ${relative(ROOT, cwd) || '.'}`)

/** Runs one step and waits for it, its output shown as it comes. */
function run(command, args, cwd, nodeEnv) {
  let result = spawnSync(command, args, { cwd, stdio: ['ignore', 'inherit', 'inherit'], env: environment(nodeEnv) })
  if (result.status !== 0) throw failure(command, args, cwd)
}

/** Runs one step beside others; its output is shown when it ends, so that two steps' lines do not interleave. */
function runAlongside(command, args, cwd) {
  return new Promise((resolve, reject) => {
    let child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], env: environment() })
    let output = ''
    child.stdout.on('data', (chunk) => (output += chunk))
    child.stderr.on('data', (chunk) => (output += chunk))
    child.on('error', reject)
    child.on('close', (code) => {
      process.stdout.write(output)
      code === 0 ? resolve() : reject(failure(command, args, cwd))
    })
  })
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

const folderOf = (name) => join(ROOT, 'examples', name)

/** A step's record of what it last ran with, kept in the example's node_modules, which `npm ci` empties. */
const stamp = (name, step) => join(folderOf(name), 'node_modules', `.charto-${step}`)
const stampSays = (name, step, inputs) => existsSync(stamp(name, step)) && readFileSync(stamp(name, step), 'utf8') == inputs

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

const lockfileOf = (name) => createHash('sha256').update(readFileSync(join(folderOf(name), 'package-lock.json'))).digest('hex')

/** Whether examples/<name> needs its `npm ci`. */
const needsInstall = (name) => !stampSays(name, 'install', lockfileOf(name))

/** Runs `step` for each name, at most INSTALLS_AT_ONCE at once; returns the seconds each took. */
async function inTurns(names, what, step) {
  let times = {}
  let waiting = [...names]
  let runNext = async () => {
    for (let name; (name = waiting.shift()); ) {
      let started = Date.now()
      await step(name)
      times[name] = (Date.now() - started) / 1000
      console.log(`examples/${name}: ${what} ${times[name]}s`)
    }
  }
  await Promise.all(Array.from({ length: INSTALLS_AT_ONCE }, runNext))
  return times
}

/** `npm ci` of each named example that needs it. It needs no build of charto: `npm test` runs it from its start. */
export function installExamples(names = EXAMPLES) {
  return inTurns(names.filter(needsInstall), 'npm ci', async (name) => {
    await runAlongside('npm', ['ci', ...NPM], folderOf(name))
    writeFileSync(stamp(name, 'install'), lockfileOf(name))
  })
}

/** The command that installs charto from the tarball of this build of dist/ into examples/<name>, after its `npm ci`. */
function chartoInstallCommand(name, tarball) {
  // --no-save: the lockfile stays the committed one; charto itself always comes from this build.
  return ['npm', ['install', '--no-save', ...NPM, tarball], folderOf(name)]
}

/** charto's tarball into each named example, two at a time: each mostly waits on the disk and the network. */
export async function installChartoInto(names = EXAMPLES) {
  let tarball = packCharto()
  return inTurns(names.filter((name) => !stampSays(name, 'charto', tarball)), 'charto', async (name) => {
    await runAlongside(...chartoInstallCommand(name, tarball))
    writeFileSync(stamp(name, 'charto'), tarball)
  })
}

/** Installs (when needed) and builds examples/<name>; returns its folder and the seconds each step took (0 when cached). */
export function prepareExample(name) {
  let folder = folderOf(name)
  let times = { install: 0, charto: 0, build: 0 }
  let started = Date.now()
  if (needsInstall(name)) {
    run('npm', ['ci', ...NPM], folder)
    writeFileSync(stamp(name, 'install'), lockfileOf(name))
    times.install = (Date.now() - started) / 1000
  }
  let tarball = packCharto()
  started = Date.now()
  if (!stampSays(name, 'charto', tarball)) {
    run(...chartoInstallCommand(name, tarball))
    writeFileSync(stamp(name, 'charto'), tarball)
    times.charto = (Date.now() - started) / 1000
  }
  let sources = hashTree(folder) + ' ' + tarball + ' NODE_ENV=production'
  started = Date.now()
  if (!stampSays(name, 'build', sources)) {
    run('npm', ['run', 'build', '--silent'], folder, 'production')
    writeFileSync(stamp(name, 'build'), sources)
    times.build = (Date.now() - started) / 1000
  }
  return { folder, times }
}

if (process.argv[1] === import.meta.filename) {
  let [step, ...names] = process.argv.slice(2)
  if (!['install', 'prepare'].includes(step)) {
    console.error('Usage: node scripts/examples.mjs install|prepare [' + EXAMPLES.join(' ') + ']')
    process.exit(2)
  }
  if (!names.length) names = EXAMPLES
  try {
    if (step == 'install') await installExamples(names)
    else {
      await installExamples(names)
      await installChartoInto(names)
      for (let name of names) {
        let { times } = prepareExample(name)
        console.log(`examples/${name}: npm ci ${times.install}s, charto ${times.charto}s, build ${times.build}s`)
      }
    }
  } catch (error) {
    console.error(error.message)
    process.exit(1)
  }
}
