// The scenario every server-rendered framework example passes (examples/next, examples/astro): built for production,
// charto from the packed tarball, served by the framework's own server. The server reads the consent cookie and
// Sec-GPC, so the first render already matches what the browser shows.
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { Browser } from 'playwright-core'
import { launchBrowser } from './harness.js'
import { problemsOf, type ExampleServer } from './frameworks.js'

export function serverRenderedScenario(example: ExampleServer): void {
  let browser: Browser
  beforeAll(async () => (browser = await launchBrowser()))
  afterAll(() => browser?.close())

  /** The HTML the server sends for `cookie` and GPC, before any script runs. */
  const serverHtml = (headers: Record<string, string> = {}) => fetch(example.origin + '/', { headers }).then((response) => response.text())

  it('first visit: banner, nothing gated requested; consent releases the gated script; a returning visitor gets the decided page and no banner', async () => {
    let context = await browser.newContext()
    let page = await context.newPage()
    let problems = problemsOf(page)
    let requested: string[] = []
    page.on('request', (request) => requested.push(new URL(request.url()).pathname))

    expect(await serverHtml()).toContain('You have not chosen yet')
    await page.goto(example.origin + '/')
    await page.getByRole('button', { name: 'Accept all' }).waitFor()
    expect(await page.locator('#analytics-off').isVisible()).toBe(true)
    expect(requested).not.toContain('/analytics.js')

    await page.getByRole('button', { name: 'Accept all' }).click()
    await page.locator('#analytics-on').waitFor()
    await expect.poll(() => page.evaluate(() => (window as any).analyticsRuns)).toBe(1)
    expect(await page.locator('#state').textContent()).toContain('Decided (accept-all). Analytics on.')

    // Returning: the server already renders the decision, and no banner appears.
    let cookie = (await context.cookies()).map(({ name, value }) => `${name}=${value}`).join('; ')
    let html = await serverHtml({ cookie })
    expect(html).toContain('Decided (accept-all)')
    expect(html).toContain('Analytics is on.')
    let document = page.waitForResponse((response) => response.request().resourceType() == 'document')
    await page.reload()
    expect(await (await document).text()).toContain('Decided (accept-all)')
    await expect.poll(() => page.evaluate(() => (window as any).analyticsRuns)).toBe(1)
    await page.waitForTimeout(500)
    expect(await page.getByRole('button', { name: 'Accept all' }).count()).toBe(0)
    expect(await page.locator('#state').textContent()).toContain('Decided (accept-all). Analytics on.')
    expect(problems).toEqual([])
    await context.close()
  })

  it('GPC: the first render already shows it, and hydration finds the same state (no mismatch)', async () => {
    let context = await browser.newContext({ extraHTTPHeaders: { 'Sec-GPC': '1' } })
    await context.addInitScript(() => Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => true }))
    let page = await context.newPage()
    let problems = problemsOf(page)
    expect(await serverHtml({ 'sec-gpc': '1' })).toContain('Your browser sends Global Privacy Control.')
    await page.goto(example.origin + '/')
    await page.getByRole('button', { name: 'Accept all' }).waitFor()
    expect(await page.locator('#state').textContent()).toContain('Your browser sends Global Privacy Control.')
    expect(problems).toEqual([])
    await context.close()
  })

  it('a stale or hand-edited cookie renders as no decision, on the server and in the browser alike', async () => {
    let context = await browser.newContext()
    let url = new URL(example.origin)
    await context.addCookies([{ name: 'charto_consent', value: '2|garbage|x', domain: url.hostname, path: '/' }])
    let page = await context.newPage()
    let problems = problemsOf(page)
    expect(await serverHtml({ cookie: 'charto_consent=2|garbage|x' })).toContain('You have not chosen yet')
    await page.goto(example.origin + '/')
    await page.getByRole('button', { name: 'Accept all' }).waitFor()
    expect(problems).toEqual([])
    await context.close()
  })
}
