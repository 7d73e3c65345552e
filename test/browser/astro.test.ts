// examples/astro, built for production (`astro build`, @astrojs/node standalone) with charto installed from the
// packed tarball, served by its own Node server: the page reads the consent cookie and Sec-GPC in its frontmatter.
// The slowest example to install: it runs with CHARTO_ALL_EXAMPLES=1 (scripts/examples.mjs).
import { it } from 'vitest'
import { useExample } from './frameworks.js'
import { serverRenderedScenario } from './server-rendered.js'
// @ts-ignore: plain ESM script shared with `node scripts/examples.mjs`
import { exampleEnabled } from '../../scripts/examples.mjs'

if (exampleEnabled('astro')) serverRenderedScenario(useExample('astro', () => ['node', 'dist/server/entry.mjs']))
else it.skip('examples/astro runs with CHARTO_ALL_EXAMPLES=1', () => {})
