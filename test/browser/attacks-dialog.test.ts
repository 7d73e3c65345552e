// Adversarial review of the dialog (issue 10): what pages do to it that a tidy demo page does not. Each case runs
// the built single-file script (dist/charto.single-file.global.js) in Chromium, so that the dialog is there at once.
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { useBrowser } from './harness.js'

const suite = useBrowser()
let pages = 0

interface PageOptions {
  config?: Record<string, unknown>
  /** Extra markup in <head> (a page's own styles). */
  head?: string
  /** The page's content; a footer with the settings link follows it. */
  body?: string
  height?: number
}

/** A fresh page that starts charto from <head>; `pageErrors` collects every uncaught error on the page. */
async function open(options: PageOptions = {}): Promise<Page & { pageErrors: string[] }> {
  let path = `/attacks-dialog/${++pages}/`
  suite.server.page(
    path,
    `<!doctype html><html lang="en"><head><meta name="viewport" content="width=device-width, initial-scale=1"><title>Page ${pages}</title>
<script src="/dist/charto.single-file.global.js"></script>
<script>window.m = Charto.init(${JSON.stringify(options.config || {})})</script>${options.head || ''}</head>
<body><main><h1>A page</h1>${options.body || ''}</main><footer><a href="#" data-charto-open>Cookie settings</a></footer></body></html>`
  )
  let context = await suite.browser.newContext({ viewport: { width: 1000, height: options.height || 700 }, reducedMotion: 'reduce' })
  let page = Object.assign(await context.newPage(), { pageErrors: [] as string[] })
  page.on('pageerror', (error) => page.pageErrors.push(error.message))
  await page.goto(suite.server.origin() + path)
  return page
}

const consent = (page: Page) => page.evaluate(() => (window as any).m.getConsent())
/** What is open: the part of the dialog's view, and whether it is a modal in the top layer. */
const shown = (page: Page) =>
  page.evaluate(() => {
    let box = document.querySelector('charto-ui')?.shadowRoot?.querySelector('section,dialog')
    return box ? { view: box.getAttribute('part'), connected: box.isConnected, modal: box.matches('dialog:modal') } : null
  })

describe('body swaps (Turbo, pjax, innerHTML)', () => {
  const swaps: Record<string, string> = {
    'document.body.innerHTML': `document.body.innerHTML = '<main><h1>Next page</h1></main><a href="#" data-charto-open>Cookie settings</a>'`,
    'document.body = newBody': `let body = document.createElement('body'); body.innerHTML = '<h1>Next page</h1><a href="#" data-charto-open>Cookie settings</a>'; document.body = body`,
    'documentElement.replaceChild': `let body = document.createElement('body'); body.innerHTML = '<h1>Next page</h1><a href="#" data-charto-open>Cookie settings</a>'; document.documentElement.replaceChild(body, document.body)`
  }

  for (let [name, swap] of Object.entries(swaps)) {
    it(`${name}: the banner comes back for an undecided visitor, and the settings link and show() still work`, async () => {
      let page = await open()
      expect(await shown(page)).toEqual({ view: 'banner', connected: true, modal: false })
      await page.evaluate(swap)
      // the host comes back by itself: the visitor has not decided, so the banner must be on screen
      await expect.poll(() => shown(page)).toEqual({ view: 'banner', connected: true, modal: false })
      await expect.poll(() => page.getByRole('button', { name: 'Reject all' }).isVisible()).toBe(true)

      await page.getByRole('link', { name: 'Cookie settings' }).click()
      await expect.poll(() => shown(page)).toEqual({ view: 'preferences', connected: true, modal: true })
      await page.keyboard.press('Escape')
      expect(await shown(page)).toEqual({ view: 'banner', connected: true, modal: false })

      await page.getByRole('button', { name: 'Reject all' }).click()
      expect(await consent(page)).toMatchObject({ decided: true, method: 'reject-all' })
      expect(page.pageErrors).toEqual([])
      await page.context().close()
    })
  }

  it('a returning visitor: after a swap, the settings link, show() and showPreferences() open the dialog and nothing throws', async () => {
    let page = await open()
    await page.getByRole('button', { name: 'Accept all' }).click()
    // the host exists now (it announces "Preferences saved"); the swap takes it away
    await page.evaluate(swaps['document.body = newBody'])
    await page.getByRole('link', { name: 'Cookie settings' }).click()
    await expect.poll(() => shown(page)).toEqual({ view: 'preferences', connected: true, modal: true })
    expect(await page.getByRole('switch', { name: 'Marketing' }).isChecked()).toBe(true)
    await page.keyboard.press('Escape')

    await page.evaluate(swaps['document.body.innerHTML'])
    let thrown = await page.evaluate(() => {
      let errors: string[] = []
      for (let method of ['showPreferences', 'hide', 'show', 'hide'] as const) {
        try {
          ;(window as any).m[method]()
        } catch (error) {
          errors.push(method + ': ' + error)
        }
      }
      return errors
    })
    expect(thrown).toEqual([])
    await page.evaluate(() => (window as any).m.showPreferences())
    expect(await shown(page)).toEqual({ view: 'preferences', connected: true, modal: true })
    expect(page.pageErrors).toEqual([])
    await page.context().close()
  })

  it('the preferences centre open during a swap comes back modal, with the unsaved switches as they were', async () => {
    let page = await open()
    await page.evaluate(() => (window as any).m.showPreferences())
    await page.getByRole('switch', { name: 'Performance' }).check()
    await page.evaluate(swaps['documentElement.replaceChild'])
    await expect.poll(() => shown(page)).toEqual({ view: 'preferences', connected: true, modal: true })
    expect(await page.getByRole('switch', { name: 'Performance' }).isChecked()).toBe(true)
    // a modal again: the page behind it is inert and Tab stays inside
    await page.keyboard.press('Tab')
    expect(await page.evaluate(() => document.activeElement?.localName)).toBe('charto-ui')
    await page.getByRole('button', { name: 'Save choices' }).click()
    expect(await consent(page)).toMatchObject({ method: 'custom', categories: { performance: true, marketing: false } })
    expect(page.pageErrors).toEqual([])
    await page.context().close()
  })

  it('destroy() right after a swap leaves no dialog behind, and no method throws after it', async () => {
    let page = await open({ config: { ui: { reopenButton: true } } })
    let errors = await page.evaluate(async () => {
      let m = (window as any).m
      document.body.innerHTML = '<h1>Next page</h1>'
      m.destroy()
      let errors: string[] = []
      for (let method of ['show', 'showPreferences', 'hide']) {
        try {
          m[method]()
        } catch (error) {
          errors.push(method + ': ' + error)
        }
      }
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))
      return errors
    })
    expect(errors).toEqual([])
    expect(await page.locator('charto-ui').count()).toBe(0)
    expect(page.pageErrors).toEqual([])
    await page.context().close()
  })
})

describe('ancestors that capture position: fixed (filter, transform, contain, perspective, will-change)', () => {
  const TALL = '<div style="height: 5000px">Long content</div>'
  const traps = ['filter: blur(0)', 'transform: translateZ(0)', 'contain: paint', 'perspective: 100px', 'will-change: transform']

  /** The rect of each of the dialog's buttons, and whether a click at its centre would reach it. */
  const targets = (page: Page) =>
    page.evaluate(() => {
      let root = document.querySelector('charto-ui')!.shadowRoot!
      return [...root.querySelectorAll<HTMLElement>('section button, dialog button, [part=reopen]')]
        .filter((button) => button.getClientRects().length)
        .map((button) => {
          let r = button.getBoundingClientRect()
          let x = r.left + r.width / 2
          let y = r.top + r.height / 2
          let inside = r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight && r.right <= innerWidth
          return { label: button.textContent || button.getAttribute('aria-label'), inside, reached: root.elementFromPoint(x, y) == button }
        })
    })

  for (let trap of traps) {
    it(`body { ${trap} } on a scrolled tall page: every banner button is in the viewport and takes a click`, async () => {
      for (let layout of ['box', 'bar']) {
        let page = await open({ config: { ui: { layout, reopenButton: true } }, head: `<style>body { ${trap} }</style>`, body: TALL })
        await page.evaluate(() => scrollTo(0, 2000))
        let banner = await targets(page)
        expect(banner.map((b) => b.label)).toEqual(['Accept all', 'Reject all', 'Preferences'])
        expect(banner.filter((b) => !b.inside || !b.reached), `${layout}: ${trap}`).toEqual([])
        // a real click at the button's place on screen
        await page.getByRole('button', { name: 'Reject all' }).click()
        expect(await consent(page)).toMatchObject({ decided: true, method: 'reject-all' })
        // the reopen button is fixed too
        let reopen = await targets(page)
        expect(reopen.map((b) => [b.label, b.inside, b.reached]), `${layout}: ${trap}`).toEqual([['Cookie preferences', true, true]])
        await page.context().close()
      }
    })
  }

  it('html { transform } and a top banner: the banner and the preferences stay in the viewport', async () => {
    let page = await open({ config: { ui: { position: 'top' } }, head: '<style>html { transform: scale(1) } body { filter: grayscale(1) }</style>', body: TALL })
    await page.evaluate(() => scrollTo(0, 3000))
    let banner = await targets(page)
    expect(banner.filter((b) => !b.inside || !b.reached)).toEqual([])
    await page.getByRole('button', { name: 'Preferences' }).click()
    let dialog = await targets(page)
    expect(dialog.length).toBeGreaterThan(3)
    expect(dialog.filter((b) => !b.reached && b.inside)).toEqual([])
    await page.context().close()
  })
})
