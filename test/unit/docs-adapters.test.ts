// The React and Vue examples of docs/react-and-vue.md, run as a reader would paste them: they must show the banner.
// Copied literally, an example whose provider or plugin gets no `ui` extension renders no banner and says nothing.
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import ts from 'typescript'
import { createElement, act } from 'react'
import { createRoot, type Root } from 'react-dom/client'
import { afterEach, expect, it } from 'vitest'
import { codeBlocks, ROOT } from '../docs/markdown.js'

let root: Root | undefined

afterEach(async () => {
  if (root) await act(async () => root!.unmount())
  root = undefined
  document.body.innerHTML = ''
  document.cookie = 'charto_consent=; Max-Age=0; Path=/'
})

/** The block as a module on disk, with `charto`, `charto/react` and `charto/vue` pointing at the sources. */
const moduleOf = (code: string, name: string) => {
  let javascript = ts.transpileModule(code, {
    compilerOptions: { jsx: ts.JsxEmit.ReactJSX, module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 }
  }).outputText
  let rewritten = javascript
    .replaceAll(`from 'charto/react'`, `from '${join(ROOT, 'src/react/index.ts')}'`)
    .replaceAll(`from 'charto/vue'`, `from '${join(ROOT, 'src/vue/index.ts')}'`)
    .replaceAll(`from 'charto'`, `from '${join(ROOT, 'src/index.ts')}'`)
  // Inside the repository (in a folder git ignores), where the test runner transforms what it imports.
  let folder = join(ROOT, '.vitest-cache', 'docs')
  mkdirSync(folder, { recursive: true })
  let file = join(folder, name)
  writeFileSync(file, rewritten)
  return file
}

it('the React example in docs/react-and-vue.md shows the banner to a first-time visitor', async () => {
  let block = codeBlocks('docs/react-and-vue.md').find((candidate) => candidate.language === 'tsx')!
  let { App } = await import(/* @vite-ignore */ moduleOf(block.code, 'react-example.mjs'))
  let container = document.body.appendChild(document.createElement('div'))
  root = createRoot(container)
  await act(async () => root!.render(createElement(App)))
  // The dialog arrives a moment after the manager starts (it waits for <body> and the next frame).
  await expect.poll(() => document.querySelector('charto-ui')?.shadowRoot?.querySelector('[data-charto-action="accept-all"]'), { timeout: 3000 }).toBeTruthy()
  expect(container.querySelector('a[data-charto-open]')).toBeTruthy()
}, 20_000)

it('the Vue example in docs/react-and-vue.md shows the banner to a first-time visitor', async () => {
  let block = codeBlocks('docs/react-and-vue.md').find((candidate) => candidate.language === 'ts' && candidate.code.includes('ChartoPlugin'))!
  // The names the prose gives the example: an app's root component and its configuration.
  let context = `import { defineComponent as defineRoot, h as hyperscript } from 'vue'
const App = defineRoot(() => () => hyperscript('a', { href: '#', 'data-charto-open': '' }, 'Cookie settings'))
const config = { services: { youtube: { category: 'functional' } } }
`
  document.body.innerHTML = '<div id="app"></div>'
  await import(/* @vite-ignore */ moduleOf(context + block.code, 'vue-example.mjs'))
  await expect.poll(() => document.querySelector('charto-ui')?.shadowRoot?.querySelector('[data-charto-action="accept-all"]'), { timeout: 3000 }).toBeTruthy()
  expect(document.querySelector('#app a[data-charto-open]')).toBeTruthy()
}, 20_000)
