// The built package as users get it: both module formats load in plain Node with no DOM.
import { execFileSync } from 'node:child_process'
import { expect, it } from 'vitest'

const run = (code: string, type: 'module' | 'commonjs') =>
  execFileSync(process.execPath, [type === 'module' ? '--input-type=module' : '--input-type=commonjs', '-e', code], { encoding: 'utf8' })

it('dist/index.js imports in Node (SSR) and touches no DOM', () => {
  let out = run(`import { createConsent } from 'charto'; console.log(JSON.stringify(createConsent({}).getConsent().categories))`, 'module')
  expect(JSON.parse(out)).toEqual({ necessary: true, performance: false, marketing: false, functional: false })
})

it('dist/index.cjs requires in Node', () => {
  let out = run(`const { createConsent } = require('charto'); console.log(typeof createConsent)`, 'commonjs')
  expect(out.trim()).toBe('function')
})
