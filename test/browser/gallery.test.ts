// The dialog gallery (examples/gallery) in Chromium: every layout × theme × state in English, German and Arabic, at
// desktop and phone widths. Each view fails on a word split across lines, horizontal overflow, a control under 24×24
// px, text clipped by its box, or an axe-core violation; the banner may take at most 35 % of a phone's screen. The
// screenshots go to test-results/gallery/ (git-ignored), for review by eye. One page per width, views switched by API.
import { describe, expect, it } from 'vitest'
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { useBrowser } from './harness.js'

const SHOTS = join(import.meta.dirname, '..', '..', 'test-results', 'gallery')
const suite = useBrowser()

interface View {
  layout: string
  theme: string
  language: string
  state: string
}

const WIDTHS = { desktop: { width: 1280, height: 800 }, phone: { width: 375, height: 740 } }
const LANGUAGES = ['en', 'de', 'ar']
const THEMES = ['light', 'dark']
/** The layout changes only the banner: the preferences centre is the same modal dialog in each. */
const VIEWS: Omit<View, 'theme' | 'language'>[] = [
  ...['box', 'bar', 'modal'].flatMap((layout) => ['banner', 'opt-out'].map((state) => ({ layout, state }))),
  ...['preferences', 'gpc', 'placeholder'].map((state) => ({ layout: 'box', state }))
]

/** What is wrong with the view on screen, measured from layout in every charto shadow root. */
const problems = (page: Page) =>
  page.evaluate(() => {
    let found: string[] = []
    let roots = [...document.querySelectorAll('charto-ui')].map((host) => host.shadowRoot!)
    let describe = (el: Element) => `<${el.localName}${el.getAttribute('part') ? ` part=${el.getAttribute('part')}` : ''}> "${(el.textContent || el.getAttribute('aria-label') || '').trim().slice(0, 40)}"`
    if (document.documentElement.scrollWidth > innerWidth) found.push(`the page scrolls sideways: ${document.documentElement.scrollWidth} > ${innerWidth}`)
    for (let root of roots) {
      // words split across lines: each word's boxes must sit on one line
      let walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
      for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
        let text = node.data
        for (let match of text.matchAll(/\S+/g)) {
          let range = document.createRange()
          range.setStart(node, match.index!)
          range.setEnd(node, match.index! + match[0].length)
          let tops = new Set([...range.getClientRects()].filter((r) => r.width).map((r) => Math.round(r.bottom)))
          if (tops.size > 1) found.push(`word split across lines: "${match[0]}" in ${describe(node.parentElement!)}`)
        }
      }
      for (let el of root.querySelectorAll<HTMLElement>('*')) {
        let box = el.getBoundingClientRect()
        if (!box.width || getComputedStyle(el).visibility == 'hidden') continue
        // controls: at least 24×24 (links inside a sentence are exempt, as WCAG's inline exception says)
        if (el.matches('button,input,summary,[tabindex]') && (box.width < 23.5 || box.height < 23.5)) found.push(`control under 24×24 (${box.width.toFixed(1)}×${box.height.toFixed(1)}): ${describe(el)}`)
        // clipped or overflowing: the table region scrolls sideways on purpose, the preferences centre scrolls down
        let sideways = el.matches('[part=table]') ? 0 : el.scrollWidth - el.clientWidth
        let down = el.localName == 'dialog' ? 0 : el.scrollHeight - el.clientHeight
        if (el.clientWidth && sideways > 1) found.push(`overflows sideways by ${sideways}px: ${describe(el)}`)
        if (el.clientHeight && down > 1 && getComputedStyle(el).overflowY != 'visible') found.push(`text clipped by ${down}px: ${describe(el)}`)
      }
    }
    return found
  })

async function axe(page: Page, whole = false) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ url: '/node_modules/axe-core/axe.min.js' })
  // the dialog's hosts with their shadow roots: the page around them is the same in every view (checked once)
  let result = await page.evaluate(
    (whole) => (window as any).axe.run(whole ? document : { include: [...document.querySelectorAll('charto-ui')].map((host) => [host]) }, { resultTypes: ['violations'] }),
    whole
  )
  return result.violations.map((v: any) => `${v.id}: ${v.nodes.map((n: any) => JSON.stringify(n.target) + ' ' + n.failureSummary).join(' | ')}`)
}

async function galleryPage(viewport: { width: number; height: number }) {
  let context = await suite.browser.newContext({ viewport, reducedMotion: 'reduce' })
  let page = await context.newPage()
  await page.goto(suite.server.origin() + '/examples/gallery/')
  await page.evaluate(() => (window as any).gallery.ready)
  return page
}

describe('gallery', () => {
  for (let [device, viewport] of Object.entries(WIDTHS)) for (let language of LANGUAGES) {
    it(`every view in ${language} at ${device} width (${viewport.width}×${viewport.height}): no split word, overflow, small target, clipped text or axe violation`, async () => {
      await mkdir(SHOTS, { recursive: true })
      let page = await galleryPage(viewport)
      let failures: Record<string, string[]> = {}
      let started = Date.now()
        for (let theme of THEMES)
          for (let partial of VIEWS) {
            let view: View = { ...partial, theme, language }
            let name = `${device}-${language}-${theme}-${view.layout}-${view.state}`
            await page.evaluate((view) => (window as any).gallery.show(view), view)
            let found = [...(await problems(page)), ...(await axe(page, view.state == 'banner' && view.layout == 'box'))]
            if (device == 'phone' && view.state == 'banner' && view.layout != 'modal' && language != 'ar') {
              let height = await page.locator('charto-ui').first().locator('section').evaluate((el) => el.getBoundingClientRect().height)
              if (height > 0.35 * viewport.height) found.push(`the banner takes ${Math.round((100 * height) / viewport.height)} % of the screen`)
            }
            if (found.length) failures[name] = found
            await page.screenshot({ path: join(SHOTS, name + '.png') })
          }
      console.log(`gallery: ${device} ${language}: ${THEMES.length * VIEWS.length} views in ${Date.now() - started} ms`)
      await page.context().close()
      expect(failures).toEqual({})
    }, 120_000)
  }

  it('in Arabic, the dialog mirrors, and the keyboard journey (focus in, Tab wraps, Escape, focus back) runs right to left like it does left to right', async () => {
    let page = await galleryPage(WIDTHS.desktop)
    await page.evaluate(() => (window as any).gallery.show({ language: 'ar', layout: 'box', theme: 'light', state: 'banner' }))
    let banner = page.locator('charto-ui').first().locator('section')
    expect(await banner.getAttribute('dir')).toBe('rtl')
    // mirrored: the box sits at the inline end's mirror (the left), Accept all is right of Reject all
    let box = (await banner.boundingBox())!
    expect(box.x).toBeLessThan(100)
    let accept = (await page.locator('[data-charto-action=accept-all]').boundingBox())!
    let reject = (await page.locator('[data-charto-action=reject-all]').boundingBox())!
    expect(accept.x).toBeGreaterThan(reject.x)
    let focusedAction = () =>
      page.evaluate(() => {
        let active: any = document.activeElement
        while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement
        return active?.dataset?.chartoAction || active?.textContent
      })
    await page.evaluate(() => (window as any).gallery.manager.show())
    expect(await focusedAction()).toBe('سياسة الخصوصية')
    let order = []
    for (let i = 0; i < 3; i++) {
      await page.keyboard.press('Tab')
      order.push(await focusedAction())
    }
    expect(order).toEqual(['accept-all', 'reject-all', 'preferences'])
    await page.keyboard.press('Enter')
    let dialog = page.locator('charto-ui').first().locator('dialog')
    expect(await dialog.getAttribute('dir')).toBe('rtl')
    expect(await focusedAction()).toBe('close')
    // the close button sits at the inline end of the title: on the left in Arabic
    let close = (await page.locator('[data-charto-action=close]').boundingBox())!
    let title = (await dialog.locator('h2').boundingBox())!
    expect(close.x).toBeLessThan(title.x + 10)
    expect(Math.abs(close.y + close.height / 2 - (title.y + title.height / 2))).toBeLessThan(2)
    // Tab wraps inside the modal dialog both ways
    await page.keyboard.press('Shift+Tab')
    expect(await focusedAction()).toBe('save')
    await page.keyboard.press('Tab')
    expect(await focusedAction()).toBe('close')
    // a switch toggles with Space, Escape goes back to the banner with focus on Preferences, nothing granted
    await page.keyboard.press('Tab')
    await page.keyboard.press('Tab')
    await page.keyboard.press('Escape')
    expect(await focusedAction()).toBe('preferences')
    expect(await page.evaluate(() => (window as any).gallery.manager.getConsent().decided)).toBe(false)
    await page.keyboard.press('Shift+Tab')
    await page.keyboard.press('Enter')
    expect(await page.evaluate(() => (window as any).gallery.manager.getConsent())).toMatchObject({ decided: true, method: 'reject-all' })
    await page.context().close()
  })
})
