// The platform bridges as a site uses them: charto's loader (dist/charto.global.js), then dist/wordpress.global.js or
// dist/shopify.global.js, on pages where a stand-in plays the platform's documented JavaScript API.
import { expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { useBrowser } from './harness.js'

const suite = useBrowser()

const configTag = (config: object) => `<script type="application/json" id="charto-config">${JSON.stringify(config)}</script>`

/** A WordPress page: the WP Consent API's script, charto and its bridge, and a plugin that waits for statistics. */
function wordpressPage(path: string, config: object, { apiLast = false } = {}) {
  let api = '<script src="/test/browser/fixtures/wp-consent-api-stand-in.js"></script>'
  suite.server.page(
    path,
    `<!doctype html><html lang="en"><head><title>WordPress</title>
    ${apiLast ? '' : api}
    <script>document.addEventListener('wp_consent_type_defined', () => (window.typeEvents = (window.typeEvents || 0) + 1))</script>
    ${configTag(config)}
    <script src="/dist/charto.global.js"></script>
    <script src="/dist/wordpress.global.js"></script>
    <script src="/test/browser/fixtures/wp-plugin-stand-in.js"></script>
    </head><body><main><h1>A WordPress site</h1></main><footer><a href="#" data-charto-open>Cookie settings</a></footer>
    ${apiLast ? api : ''}</body></html>`
  )
}

const wp = (page: Page) =>
  page.evaluate(() => ({
    type: (window as any).wp_consent_type,
    statistics: (window as any).wp_has_consent('statistics'),
    marketing: (window as any).wp_has_consent('marketing'),
    preferences: (window as any).wp_has_consent('preferences'),
    cookies: document.cookie.split('; ').filter((c) => c.startsWith('wp_consent_')).sort()
  }))

it('WordPress: opt-in until the visitor chooses; each decision reaches wp_set_consent; plugins follow it', async () => {
  wordpressPage('/wordpress.html', { services: { stats: { category: 'performance' } } })
  let context = await suite.browser.newContext()
  let page = await context.newPage()
  await page.goto(suite.server.origin() + '/wordpress.html')
  await page.getByRole('button', { name: 'Accept all' }).waitFor()
  expect(await wp(page)).toEqual({ type: 'optin', statistics: false, marketing: false, preferences: false, cookies: [] })
  expect(await page.evaluate(() => (window as any).typeEvents)).toBe(1)
  expect(suite.server.hits('/wp-plugin/statistics.js')).toHaveLength(0)

  await page.getByRole('button', { name: 'Accept all' }).click()
  await expect.poll(() => wp(page)).toMatchObject({ statistics: true, marketing: true, preferences: true })
  await expect.poll(() => suite.server.hits('/wp-plugin/statistics.js').length).toBe(1)
  expect((await wp(page)).cookies).toEqual([
    'wp_consent_functional=allow',
    'wp_consent_marketing=allow',
    'wp_consent_preferences=allow',
    'wp_consent_statistics-anonymous=allow',
    'wp_consent_statistics=allow'
  ])

  // A returning visitor: told again at start, no banner. A withdrawal reaches WordPress too.
  await page.reload()
  await expect.poll(() => wp(page)).toMatchObject({ type: 'optin', statistics: true })
  expect(await page.getByRole('button', { name: 'Accept all' }).count()).toBe(0)
  await page.evaluate(() => (window as any).Charto.instance.setConsent({ marketing: false }))
  await expect.poll(() => wp(page)).toMatchObject({ statistics: true, marketing: false })
  await page.evaluate(() => (window as any).Charto.instance.reset())
  await expect.poll(() => wp(page)).toMatchObject({ statistics: false, marketing: false, preferences: false })
  await context.close()
})

it('WordPress: opt-out mode is announced as optout; the WP Consent API script may come after charto', async () => {
  wordpressPage('/wordpress-opt-out.html', { mode: 'opt-out' }, { apiLast: true })
  let context = await suite.browser.newContext()
  let page = await context.newPage()
  await page.goto(suite.server.origin() + '/wordpress-opt-out.html')
  await page.getByRole('button', { name: 'Reject all' }).first().click()
  await expect.poll(() => wp(page)).toMatchObject({ type: 'optout', statistics: false, marketing: false })
  await context.close()
})

it('WordPress: a custom category mapping, and a mapping to an unknown id is reported and denied', async () => {
  suite.server.page(
    '/wordpress-mapping.html',
    `<!doctype html><html lang="en"><head><title>WordPress</title>
    <script src="/test/browser/fixtures/wp-consent-api-stand-in.js"></script>
    ${configTag({})}
    <script type="application/json" id="charto-wordpress">{ "categories": { "statistics-anonymous": "necessary", "preferences": "personalisation" } }</script>
    <script src="/dist/charto.global.js"></script>
    <script src="/dist/wordpress.global.js"></script></head><body><main>x</main></body></html>`
  )
  let context = await suite.browser.newContext()
  let page = await context.newPage()
  let errors: string[] = []
  page.on('pageerror', (error) => errors.push(error.message))
  page.on('console', (message) => message.type() == 'error' && errors.push(message.text()))
  await page.goto(suite.server.origin() + '/wordpress-mapping.html')
  await page.evaluate(() => (window as any).Charto.instance.acceptAll())
  await expect.poll(() => page.evaluate(() => document.cookie)).toContain('wp_consent_preferences=deny')
  expect(await page.evaluate(() => document.cookie)).toContain('wp_consent_statistics-anonymous=allow')
  expect(errors.join('\n')).toContain('wordpress.categories.preferences is "personalisation"')
  await context.close()
})

function shopifyPage(path: string, config: object) {
  suite.server.page(
    path,
    `<!doctype html><html lang="en"><head><title>Shop</title>
    <script src="/test/browser/fixtures/shopify-stand-in.js"></script>
    ${configTag(config)}
    <script src="/dist/charto.global.js"></script>
    <script src="/dist/shopify.global.js"></script>
    </head><body><main><h1>A Shopify store</h1></main><footer><a href="#" data-charto-open>Cookie settings</a></footer></body></html>`
  )
}

const calls = (page: Page) => page.evaluate(() => (window as any).shopifyCalls as [string, unknown][])

it('Shopify: nothing is sent before a choice; each decision reaches setTrackingConsent, the API loaded first', async () => {
  shopifyPage('/shopify.html', {})
  let context = await suite.browser.newContext()
  let page = await context.newPage()
  await page.goto(suite.server.origin() + '/shopify.html')
  await page.getByRole('button', { name: 'Accept all' }).waitFor()
  await page.waitForTimeout(200)
  expect(await calls(page)).toEqual([])

  await page.getByRole('button', { name: 'Accept all' }).click()
  await expect.poll(() => calls(page)).toEqual([
    ['loadFeatures', [{ name: 'consent-tracking-api', version: '0.1' }]],
    ['setTrackingConsent', { analytics: true, marketing: true, preferences: true, sale_of_data: true }]
  ])

  await page.evaluate(() => (window as any).Charto.instance.setConsent({ marketing: false, functional: false }))
  await expect.poll(async () => (await calls(page)).at(-1)).toEqual([
    'setTrackingConsent',
    { analytics: true, marketing: false, preferences: false, sale_of_data: false }
  ])

  // Returning: sent once at start, no banner.
  await page.reload()
  await expect.poll(() => calls(page)).toEqual([
    ['loadFeatures', [{ name: 'consent-tracking-api', version: '0.1' }]],
    ['setTrackingConsent', { analytics: true, marketing: false, preferences: false, sale_of_data: false }]
  ])
  expect(await page.getByRole('button', { name: 'Accept all' }).count()).toBe(0)
  await context.close()
})

it('Shopify: GPC in opt-out mode refuses marketing and the sale of data before anything else is sent', async () => {
  shopifyPage('/shopify-gpc.html', { mode: 'opt-out' })
  let context = await suite.browser.newContext()
  await context.addInitScript(() => Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => true }))
  let page = await context.newPage()
  await page.goto(suite.server.origin() + '/shopify-gpc.html')
  await expect.poll(async () => (await calls(page)).filter(([name]) => name == 'setTrackingConsent')).toEqual([
    ['setTrackingConsent', { analytics: true, marketing: false, preferences: true, sale_of_data: false }]
  ])
  await context.close()
})
