// Trying charto before it is published, as the docs describe it: `npm run build && npm pack`, then the tarball
// installed into a fresh Vite + React app (examples/vite-react, its own package.json and lockfile), built with its own
// Vite. Installing from a folder instead loads React twice (a blank page and "Cannot read properties of null (reading
// 'useState')"); from the tarball, charto's React peer dependency is the app's own.
import { expect, it } from 'vitest'
import { useBrowser } from './harness.js'
import { problemsOf, skipExamples } from './frameworks.js'
// @ts-ignore: plain ESM script shared with `node scripts/examples.mjs`
import { prepareExample } from '../../scripts/examples.mjs'

const suite = useBrowser()

it.skipIf(skipExamples)('the packed tarball in a fresh Vite + React app: one React, banner, consent releases gated content', async () => {
  let { times } = prepareExample('vite-react')
  console.log(`examples/vite-react: npm ci ${times.install}s, charto ${times.charto}s, build ${times.build}s`)
  let page = await suite.browser.newPage()
  let problems = problemsOf(page)
  await page.goto(suite.server.origin() + '/examples/vite-react/dist/index.html')
  await page.getByRole('button', { name: 'Accept all' }).waitFor()
  expect(await page.locator('#state').textContent()).toBe('You have not chosen yet.')
  expect(await page.locator('#stats-off').isVisible()).toBe(true)
  await page.getByRole('button', { name: 'Accept all' }).click()
  await page.locator('#stats-on').waitFor()
  expect(await page.locator('#state').textContent()).toBe('Decided (accept-all).')
  expect(problems).toEqual([])
  await page.close()
}, 900_000)
