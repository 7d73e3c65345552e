// What the loader bundle is made of. The loader imports each module directly: through src/index.ts it would also
// reach `init`, whose dynamic import() of the dialog and the delivery makes esbuild wrap every module they share with
// the loader in a lazy initialiser (`__esm`), which costs bytes and a call per module on every page. The development
// loader is built from the same entry unminified, so the wrappers show there by name.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, it } from 'vitest'

const DIST = join(import.meta.dirname, '../../dist')

it('bundles no lazily initialised modules into the loader', () => {
  expect(readFileSync(join(DIST, 'charto.dev.global.js'), 'utf8')).not.toContain('__esm(')
})
