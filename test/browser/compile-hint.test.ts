// The loader carries V8's explicit compile hint on its first line (scripts/build.mjs adds it after terser, which would
// drop it): Chromium then compiles all of its functions while the script streams in, instead of each on its first call.
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { expect, it } from 'vitest'

const DIST = join(import.meta.dirname, '../../dist')
const HINT = '//# allFunctionsCalledOnLoad\n'

it('starts the loader with the compile hint, and only the loader', () => {
  expect(readFileSync(join(DIST, 'charto.global.js'), 'utf8').startsWith(HINT)).toBe(true)
  // The dialog chunk gained nothing from it (bench/levers.mjs), and a returning visitor never runs the single file's
  // dialog code: compiling it all at once would be wasted.
  let chunk = readdirSync(DIST).find((file) => /^charto\.dialog\.\w+\.js$/.test(file))!
  expect(readFileSync(join(DIST, chunk), 'utf8').startsWith(HINT)).toBe(false)
  expect(readFileSync(join(DIST, 'charto.single-file.global.js'), 'utf8').startsWith(HINT)).toBe(false)
})
