// examples/sveltekit, built for production (`vite build`, adapter-node) with charto installed from the packed
// tarball, served by its own Node server: the root layout's server load reads the consent cookie and Sec-GPC.
import { describe } from 'vitest'
import { skipExamples, useExample } from './frameworks.js'
import { serverRenderedScenario } from './server-rendered.js'

describe.skipIf(skipExamples)('examples/sveltekit', () => serverRenderedScenario(useExample('sveltekit', () => ['node', 'build/index.js'])))
