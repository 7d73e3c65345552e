// `npm test`: everything CI checks, in order. Stops at the first failure.
import { spawnSync } from 'node:child_process'
import { findChromium, INSTALL_HINT } from './chromium.mjs'

let steps = [
  ['type check', 'tsc', ['--noEmit']],
  ['unit tests', 'vitest', ['run']],
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
  console.log(`\n▶ ${name}: ${command} ${args.join(' ')}`)
  let result = command == 'node' ? spawnSync('node', args, { stdio: 'inherit' }) : spawnSync('npx', ['--no-install', command, ...args], { stdio: 'inherit' })
  if (result.status !== 0) {
    console.error(`\n✗ ${name} failed`)
    process.exit(result.status || 1)
  }
}
console.log('\n✓ all checks passed')
