// examples/nuxt, built for production (`nuxt build`, the Nitro node server) with charto installed from the packed
// tarball and started by `modules: ['charto/nuxt']`: the page reads the consent cookie and Sec-GPC while rendering on
// the server, and the module's client-only plugin starts charto in the browser.
// Slow to install and build: it runs with CHARTO_ALL_EXAMPLES=1 (scripts/examples.mjs).
import { it } from 'vitest'
import { useExample } from './frameworks.js'
import { serverRenderedScenario } from './server-rendered.js'
// @ts-ignore: plain ESM script shared with `node scripts/examples.mjs`
import { exampleEnabled } from '../../scripts/examples.mjs'

if (exampleEnabled('nuxt')) serverRenderedScenario(useExample('nuxt', () => ['node', '.output/server/index.mjs']))
else it.skip('examples/nuxt runs with CHARTO_ALL_EXAMPLES=1', () => {})
