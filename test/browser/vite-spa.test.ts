// The Vite + TypeScript SPA example: type-checked, built with Vite against dist/, and driven in Chromium.
// Route changes inject blocked markup; charto gates it with no rescan call.
import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import { beforeAll, expect, it } from 'vitest'
import { build } from 'vite'
import { useBrowser } from './harness.js'

const ROOT = join(import.meta.dirname, '..', '..')
const suite = useBrowser()

beforeAll(async () => {
  execFileSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', join(ROOT, 'examples/vite-spa')])
  await build({ configFile: join(ROOT, 'examples/vite-spa/vite.config.ts'), logLevel: 'silent' })
})

it('blocked markup added by route changes waits for consent, then runs at once on later routes', async () => {
  let page = await suite.browser.newPage()
  let url = suite.server.origin() + '/examples/vite-spa/dist/index.html'
  await page.goto(url + '#/stats')
  await page.getByRole('button', { name: 'Accept all' }).waitFor()
  let state = () => page.evaluate(() => ({ runs: window.statsRuns, cookie: document.cookie.includes('stats_id') }))
  expect(await state()).toEqual({ runs: undefined, cookie: false })

  await page.getByRole('link', { name: 'Video' }).click()
  await page.locator('[part=placeholder]').first().waitFor()
  expect(await page.locator('iframe').getAttribute('src')).toBeNull()
  expect(suite.server.hits('/examples/script-tag/embed.html')).toHaveLength(0)

  await page.getByRole('button', { name: 'Accept all' }).click()
  await expect.poll(() => page.locator('iframe').getAttribute('src')).toBe('/examples/script-tag/embed.html')
  await page.getByRole('link', { name: 'Statistics' }).click()
  await expect.poll(state).toEqual({ runs: 1, cookie: true })

  // Withdrawal clears the listed cookie; a later visit to the route runs nothing.
  await page.evaluate(() => window.consent.rejectAll())
  await expect.poll(() => page.evaluate(() => document.cookie.includes('stats_id'))).toBe(false)
  await page.getByRole('link', { name: 'Home' }).click()
  await page.getByRole('link', { name: 'Statistics' }).click()
  await page.waitForTimeout(100)
  expect(await state()).toEqual({ runs: 1, cookie: false })
  await page.close()
})

declare global {
  interface Window {
    statsRuns?: number
    consent: { rejectAll(): void }
  }
}
