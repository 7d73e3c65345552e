// `npm test`: everything CI checks, in order. Stops at the first failure.
import { spawn, spawnSync } from 'node:child_process'
import { mkdtempSync, openSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { findChromium, INSTALL_HINT } from './chromium.mjs'
import { examplesSkipped } from './examples.mjs'
import { findPostgres, POSTGRES_HINT } from './postgres.mjs'

let steps = [
  ['type check', 'tsc', ['--noEmit']],
  ['unit tests', 'vitest', ['run']],
  ['records service tests', 'vitest', ['run', '--config', 'vitest.records.config.ts']],
  ['build', 'node', ['scripts/build.mjs']],
  ['framework examples', 'node', ['scripts/examples.mjs', 'prepare']],
  ['browser tests', 'vitest', ['run', '--config', 'vitest.browser.config.ts']],
  ['size budgets', 'size-limit', []],
  ['package lint', 'publint', []],
  ['type exports', 'attw', ['--pack', '.', '--profile', 'node16']]
]

/**
 * The framework examples' `npm ci` (scripts/examples.mjs) needs no build of charto, so it runs from the start, beside
 * the type check, the unit tests and the build, mostly waiting on the network; its output goes to a file, shown when
 * the examples' own step begins. Left out when nothing would use it (no Chromium, or CHARTO_SKIP_EXAMPLES=1).
 */
const attempt = (action) => {
  try {
    action()
  } catch {}
}

function startExampleInstalls() {
  let log = join(mkdtempSync(join(tmpdir(), 'charto-test-')), 'examples-install.log')
  let output = openSync(log, 'w')
  // In a process group of its own, so that a failing step can end the installs and the npm processes under them.
  let child = spawn('node', ['scripts/examples.mjs', 'install'], { stdio: ['ignore', output, output], detached: true })
  process.on('exit', () => {
    if (child.exitCode == null) attempt(() => process.kill(-child.pid))
  })
  let finished = new Promise((resolve) => child.on('close', resolve))
  return { log, finished }
}

let exampleInstalls = findChromium() && !examplesSkipped() ? startExampleInstalls() : undefined

for (let [name, command, args] of steps) {
  if (name === 'framework examples') {
    if (!exampleInstalls) continue
    let started = Date.now()
    let code = await exampleInstalls.finished
    console.log(`\n  The examples' npm ci, run beside the steps above (waited ${(Date.now() - started) / 1000}s for it to end):`)
    process.stdout.write(readFileSync(exampleInstalls.log, 'utf8'))
    // Not a failure yet: the next command runs any `npm ci` that did not finish, where its error shows.
    if (code !== 0) console.warn(`! npm ci of the examples exited with ${code}; trying again`)
  }
  if (name === 'browser tests' && !findChromium()) {
    if (process.env.CI) {
      console.error(`\n✗ ${name}: ${INSTALL_HINT}`)
      process.exit(1)
    }
    console.warn(`\n! skipped ${name}: ${INSTALL_HINT}`)
    continue
  }
  // The records suite runs on PGlite always; its PostgreSQL server half needs Debian's postgresql package.
  if (name === 'records service tests' && !findPostgres()) {
    if (process.env.CI) {
      console.error(`\n✗ ${name}: ${POSTGRES_HINT}`)
      process.exit(1)
    }
    console.warn(`\n! ${name}: PGlite only. ${POSTGRES_HINT}`)
  }
  console.log(`\n▶ ${name}: ${command} ${args.join(' ')}`)
  let result = command == 'node' ? spawnSync('node', args, { stdio: 'inherit' }) : spawnSync('npx', ['--no-install', command, ...args], { stdio: 'inherit' })
  if (result.status !== 0) {
    console.error(`\n✗ ${name} failed`)
    process.exit(result.status || 1)
  }
}
console.log('\n✓ all checks passed')
