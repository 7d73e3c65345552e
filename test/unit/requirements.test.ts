// Consent rules that are properties of the source rather than of a page.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, it } from 'vitest'

const SRC = join(import.meta.dirname, '..', '..', 'src')
const sources = (readdirSync(SRC, { recursive: true }) as string[])
  .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'))
  .map((file) => [file, readFileSync(join(SRC, file), 'utf8')] as const)

it('nothing relies on beforescriptexecute, which no current browser fires', () => {
  expect(sources.length).toBeGreaterThan(10)
  expect(sources.filter(([, text]) => /beforescriptexecute/i.test(text)).map(([file]) => file)).toEqual([])
})

it('safe by construction: no eval, no new Function, no string timers in the library', () => {
  expect(sources.filter(([, text]) => /\beval\(|new Function\(|setTimeout\(\s*['"`]/.test(text)).map(([file]) => file)).toEqual([])
})
