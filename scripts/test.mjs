// `npm test`: everything CI checks, in order. Stops at the first failure.
import { spawnSync } from 'node:child_process'
import { findChromium, INSTALL_HINT } from './chromium.mjs'
import { findPostgres, POSTGRES_HINT } from './postgres.mjs'

let steps = [
  ['type check', 'tsc', ['--noEmit']],
  ['unit tests', 'vitest', ['run']],
  ['records service tests', 'vitest', ['run', '--config', 'vitest.records.config.ts']],
  ['build', 'node', ['scripts/build.mjs']],
  ['browser tests', 'vitest', ['run', '--config', 'vitest.browser.config.ts']],
  ['size budgets', 'size-limit', []],
  ['package lint', 'publint', []],
  ['type exports', 'attw', ['--pack', '.', '--profile', 'node16']]
]

for (let [name, command, args] of steps) {
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
