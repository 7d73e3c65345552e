// Consent rules that span the whole product, checked in Chromium on the standard
// <script> build as a site owner installs it: one JSON block, one script tag, a "Cookie settings" link.
import { expect, it } from 'vitest'
import type { BrowserContextOptions, Page } from 'playwright-core'
import { useBrowser } from './harness.js'

const suite = useBrowser()
let pages = 0

const CONFIG = {
  categories: { performance: { cookies: ['/^_ga/'], storage: ['stats:visits'] } },
  services: { stats: { category: 'performance', label: 'Site statistics' } }
}

/** A shop page with a blocked statistics script that sets a cookie and a storage key, and a page button. */
async function shop(config: object = CONFIG, options: BrowserContextOptions = {}): Promise<Page> {
  let path = `/req${++pages}.html`
  suite.server.page(
    path,
    `<!doctype html><html lang="en"><head><title>Shop</title>
<script type="application/json" id="charto-config">${JSON.stringify(config)}</script>
<script src="/dist/charto.global.js"></script>
<script type="text/plain" data-service="stats">document.cookie = '_ga=GA1.1.1; path=/'; localStorage.setItem('stats:visits', '1')</script>
</head><body><main><h1>Shop</h1><button id="buy" onclick="window.bought = true">Buy</button>
<p style="height: 3000px">Long page</p><a href="#" data-charto-open>Cookie settings</a></main></body></html>`
  )
  let context = await suite.browser.newContext(options)
  let page = await context.newPage()
  await page.goto(suite.server.origin() + path)
  return page
}

const changes = (page: Page) =>
  page.evaluate(() => {
    let seen: { granted: string[]; revoked: string[] }[] = ((window as any).seen = [])
    addEventListener('charto:change', (event: any) => seen.push({ granted: event.detail.granted, revoked: event.detail.revoked }))
  })

it('withdrawing takes no more interactions than accepting, clears the category and fires change', async () => {
  let page = await shop()
  // Accepting: one interaction on the banner.
  await page.getByRole('button', { name: 'Accept all' }).click()
  await page.waitForFunction(() => document.cookie.includes('_ga=') && localStorage.getItem('stats:visits'))
  await changes(page)

  // Withdrawing: the persistent link, then Reject all in the preferences centre: two interactions, the same as
  // accepting from the preferences centre (the link, then Accept all).
  await page.getByRole('link', { name: 'Cookie settings' }).click()
  await page.getByRole('dialog').getByRole('button', { name: 'Reject all' }).click()
  await page.waitForFunction(() => !document.cookie.includes('_ga=') && !localStorage.getItem('stats:visits'))
  let seen = await page.evaluate(() => (window as any).seen)
  expect(seen).toHaveLength(1)
  expect(seen[0].revoked).toEqual(expect.arrayContaining(['performance', 'stats']))
  await page.context().close()
})

it('no cookie wall: after Reject all the page scrolls, its controls work and nothing is inert', async () => {
  let page = await shop()
  await page.getByRole('button', { name: 'Reject all' }).click()
  await page.locator('#buy').click()
  await page.mouse.wheel(0, 1500)
  await page.waitForFunction(() => scrollY > 0)
  expect(await page.evaluate(() => [(window as any).bought, document.querySelectorAll('[inert]').length, document.body.style.overflow])).toEqual([
    true,
    0,
    ''
  ])
  // The banner is gone; nothing of charto covers the page.
  expect(await page.locator('charto-ui [part~=banner]').count()).toBe(0)
  await page.context().close()
})

it('reduced motion turns transitions and animations off; the automatic theme follows the colour scheme', async () => {
  let surfaces: Record<string, string> = {}
  for (let colorScheme of ['light', 'dark'] as const) {
    let page = await shop({ ...CONFIG, ui: { theme: 'auto' } }, { colorScheme, reducedMotion: 'reduce' })
    let banner = page.locator('charto-ui [part~=banner]').first()
    await banner.waitFor()
    let motion = await page.evaluate(() => {
      let root = document.querySelector('charto-ui')!.shadowRoot!
      return Array.from(root.querySelectorAll('*'), (element) => {
        let style = getComputedStyle(element)
        let longest = (value: string) => Math.max(...value.split(',').map((part) => parseFloat(part) || 0))
        return Math.max(longest(style.transitionDuration), style.animationName == 'none' ? 0 : longest(style.animationDuration))
      })
    })
    expect(Math.max(...motion), colorScheme).toBeLessThanOrEqual(0.01)
    surfaces[colorScheme] = await banner.evaluate((element) => getComputedStyle(element).backgroundColor)
    await page.context().close()
  }
  let luminance = (color: string) => {
    let [r, g, b] = color.match(/[\d.]+/g)!.map(Number)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b
  }
  expect(luminance(surfaces.light)).toBeGreaterThan(128)
  expect(luminance(surfaces.dark)).toBeLessThan(128)
})

it('opting out is one step, opting back in is not fewer; switches are plainly named, no legitimate interest', async () => {
  let page = await shop({ ...CONFIG, mode: 'opt-out' })
  expect(await page.evaluate(() => (window as any).Charto.instance.isGranted('marketing'))).toBe(true)
  await page.evaluate(() => {
    let link = Object.assign(document.createElement('a'), { href: '#', textContent: 'Do Not Sell or Share My Personal Information' })
    link.setAttribute('data-charto-do-not-sell', '')
    document.querySelector('main')!.append(link)
  })
  // Opting out: one click.
  await page.getByRole('link', { name: 'Do Not Sell or Share My Personal Information' }).click()
  await page.waitForFunction(() => !(window as any).Charto.instance.isGranted('marketing'))

  // Opting back in: the preferences centre, the marketing switch, Save: three steps.
  await page.getByRole('link', { name: 'Cookie settings' }).click()
  let dialog = page.getByRole('dialog')
  // Accessible names as assistive technology gets them.
  let names = (await dialog.ariaSnapshot()).split('\n').filter((line) => /- (checkbox|switch)\b/.test(line))
  expect(names.length).toBeGreaterThanOrEqual(4)
  for (let name of ['Necessary', 'Performance', 'Marketing', 'Functional']) expect(names.join('|')).toContain(`"${name}`)
  expect(names.join('|')).not.toMatch(/\b(not|don't|no|opt.?out|legitimate)\b/i)
  expect(await page.evaluate(() => document.querySelector('charto-ui')!.shadowRoot!.textContent)).not.toMatch(/legitimate interest/i)
  await dialog.getByRole('switch', { name: 'Marketing' }).focus()
  await page.keyboard.press('Space')
  await dialog.getByRole('button', { name: 'Save choices' }).click()
  await page.waitForFunction(() => (window as any).Charto.instance.isGranted('marketing'))
  await page.context().close()
})

it('a withdrawal unloads an embed that consent loaded and brings its placeholder back', async () => {
  let path = `/req${++pages}.html`
  suite.server.route('/embed.html', (_req, res) =>
    res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>embed</title><script>document.cookie = "embed=1; path=/"</script><p>video</p>')
  )
  suite.server.page(
    path,
    `<!doctype html><html lang="en"><head><title>Video page</title>
<script type="application/json" id="charto-config">{"services":{"video":{"category":"marketing","label":"Video"}}}</script>
<script src="/dist/charto.global.js"></script></head><body><main><h1>Video</h1>
<iframe data-src="/embed.html" data-service="video" title="A video" width="400" height="225"></iframe>
<a href="#" data-charto-open>Cookie settings</a></main></body></html>`
  )
  let page = await suite.browser.newPage()
  await page.goto(suite.server.origin() + path)
  let placeholder = page.getByRole('group', { name: /Video/ })
  await expect.poll(() => placeholder.count()).toBe(1)
  await placeholder.getByRole('button', { name: 'Load this content' }).click()
  await expect.poll(() => page.frames().map((frame) => frame.url()).filter((url) => url.endsWith('/embed.html')).length).toBe(1)
  expect(await placeholder.count()).toBe(0)

  await page.getByRole('link', { name: 'Cookie settings' }).click()
  await page.getByRole('dialog').getByRole('button', { name: 'Reject all' }).click()
  // The frame's document is gone (inserted afresh without a URL, it is blank), its URL is held again, and the
  // placeholder is back.
  await expect.poll(() => page.frames().filter((frame) => frame.url().endsWith('/embed.html')).length).toBe(0)
  await expect.poll(() => placeholder.count()).toBe(1)
  expect(await page.locator('iframe').evaluate((frame: HTMLIFrameElement) => [frame.getAttribute('src'), frame.dataset.src])).toEqual([
    null,
    '/embed.html'
  ])
  // Granted again from the placeholder: it loads again.
  await placeholder.getByRole('button', { name: 'Load this content' }).click()
  await expect.poll(() => page.frames().filter((frame) => frame.url().endsWith('/embed.html')).length).toBe(1)
  await page.close()
})
