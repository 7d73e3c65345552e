// examples/astro, built for production (`astro build`, @astrojs/node standalone) with charto installed from the
// packed tarball, served by its own Node server: the page reads the consent cookie and Sec-GPC in its frontmatter.
import { describe } from 'vitest'
import { skipExamples, useExample } from './frameworks.js'
import { serverRenderedScenario } from './server-rendered.js'

describe.skipIf(skipExamples)('examples/astro', () => serverRenderedScenario(useExample('astro', () => ['node', 'dist/server/entry.mjs'])))
