// examples/next, built for production (`next build`) with charto installed from the packed tarball, served by
// `next start`: the server reads the consent cookie and Sec-GPC, so the first render already matches the browser's.
import { describe } from 'vitest'
import { skipExamples, useExample } from './frameworks.js'
import { serverRenderedScenario } from './server-rendered.js'

describe.skipIf(skipExamples)('examples/next', () => serverRenderedScenario(useExample('next', (port) => ['node', 'node_modules/next/dist/bin/next', 'start', '-H', '127.0.0.1', '-p', String(port)])))
