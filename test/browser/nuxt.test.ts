// examples/nuxt, built for production (`nuxt build`, the Nitro node server) with charto installed from the packed
// tarball and started by `modules: ['charto/nuxt']`: the page reads the consent cookie and Sec-GPC while rendering on
// the server, and the module's client-only plugin starts charto in the browser.
import { describe } from 'vitest'
import { skipExamples, useExample } from './frameworks.js'
import { serverRenderedScenario } from './server-rendered.js'

describe.skipIf(skipExamples)('examples/nuxt', () => serverRenderedScenario(useExample('nuxt', () => ['node', '.output/server/index.mjs'])))
