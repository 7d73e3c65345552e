// The consent dialog in Chromium: keyboard journeys, axe-core, CSP, hostile host CSS, sizes and screenshots.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { build } from 'esbuild'
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { launchBrowser, startServer, type TestServer } from './harness.js'
import de from '../../src/ui/i18n/de.js'

const ROOT = join(import.meta.dirname, '..', '..')
const SHOTS = join(ROOT, 'test-results', 'screenshots')

let browser: Browser
let server: TestServer
let pages = 0

const CONFIG = {
  privacyPolicyUrl: '/privacy',
  categories: {
    necessary: { cookies: [{ name: 'charto_consent', provider: 'This site', purpose: 'Remembers your cookie choices', duration: '6 months' }] },
    performance: { cookies: [{ name: '_ga', provider: 'Google', purpose: 'Counts visits', duration: '2 years', thirdParty: true }] }
  },
  services: {
    ga4: { category: 'performance', label: 'Google Analytics', description: 'Visit statistics.' },
    youtube: { category: 'marketing', label: 'YouTube', description: 'Embedded videos.' }
  }
}

interface PageOptions {
  config?: Record<string, unknown>
  /** Extra response headers, e.g. a CSP. */
  headers?: Record<string, string>
  head?: string
  body?: string
  /** Script run before the page's own (page.addInitScript). */
  before?: () => void
  width?: number
  dark?: boolean
  decided?: boolean
}

/** A fresh page with the bundle and an init script served as files, so a strict CSP needs no inline script. */
async function open(options: PageOptions = {}): Promise<Page> {
  let id = ++pages
  let config = { ...CONFIG, ...options.config }
  server.route(`/p${id}/init.js`, (_req, res) =>
    res.writeHead(200, { 'content-type': 'text/javascript' }).end(`window.m = Charto.createConsent(${JSON.stringify(config)}, [Charto.ui, (context) => (window.emit = context.emit)])`)
  )
  server.page(
    `/p${id}/`,
    `<!doctype html><html lang="en"><head><meta name="viewport" content="width=device-width, initial-scale=1"><title>Test page ${id}</title>${options.head || ''}
<script src="/ui.js"></script><script src="/p${id}/init.js"></script></head>
<body><main><h1>A test page</h1><p>Some page content with <a href="/elsewhere">a link</a>.</p>${options.body || ''}
<p><a href="#" data-charto-open>Cookie settings</a></p></main></body></html>`,
    options.headers
  )
  let context = await browser.newContext({
    viewport: { width: options.width || 1280, height: 800 },
    colorScheme: options.dark ? 'dark' : 'light',
    reducedMotion: 'reduce'
  })
  let page = await context.newPage()
  if (options.before) await page.addInitScript(options.before)
  if (options.decided) {
    await page.goto(server.origin() + `/p${id}/`)
    await page.evaluate(() => (window as any).m.rejectAll())
  }
  await page.goto(server.origin() + `/p${id}/`)
  return page
}

const focused = (page: Page) => page.evaluate(() => (window as any).focused())
const inShadow = (page: Page, selector: string) => page.locator('charto-ui').first().locator(selector)

async function axe(page: Page) {
  // served from the repository (same origin) so that it also loads under the strict-CSP pages
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ url: '/node_modules/axe-core/axe.min.js' })
  let result = await page.evaluate(() => (window as any).axe.run(document, { resultTypes: ['violations'] }))
  return result.violations.map((v: any) => `${v.id}: ${v.nodes.map((n: any) => JSON.stringify(n.target) + ' ' + n.failureSummary).join(' | ')}`)
}

async function shot(page: Page, name: string) {
  await page.screenshot({ path: join(SHOTS, name + '.png') })
}

beforeAll(async () => {
  let bundle = await build({
    entryPoints: [join(ROOT, 'test/browser/fixtures/ui-entry.ts')],
    bundle: true,
    format: 'iife',
    write: false,
    target: 'es2020'
  })
  let code = bundle.outputFiles[0].text
  server = await startServer()
  server.route('/ui.js', (_req, res) => res.writeHead(200, { 'content-type': 'text/javascript' }).end(code))
  let withBlocker = await build({
    entryPoints: [join(ROOT, 'test/browser/fixtures/ui-blocker-entry.ts')],
    bundle: true,
    format: 'iife',
    write: false,
    target: 'es2020'
  })
  server.route('/ui-blocker.js', (_req, res) => res.writeHead(200, { 'content-type': 'text/javascript' }).end(withBlocker.outputFiles[0].text))
  browser = await launchBrowser()
  await mkdir(SHOTS, { recursive: true })
})
afterAll(async () => {
  await browser?.close()
  await server?.close()
})

describe('axe-core', () => {
  for (let dark of [false, true]) {
    for (let width of [1280, 320]) {
      let label = `${dark ? 'dark' : 'light'}, ${width}px`
      it(`zero violations and no horizontal scroll for the banner, the preferences and a placeholder (${label})`, async () => {
        let page = await open({
          dark,
          width,
          head: '<style>iframe { max-width: 100% }</style>',
          body: '<iframe data-src="https://www.youtube-nocookie.com/embed/x" width="560" height="315" title="A video"></iframe>'
        })
        expect(await axe(page)).toEqual([])
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width)
        let name = `${dark ? 'dark' : 'light'}-${width}`
        await shot(page, `banner-box-${name}`)

        await page.evaluate(() => {
          let m = (window as any).m
          ;(window as any).emit('blocked', { element: document.querySelector('iframe'), categories: ['marketing'], service: 'youtube' })
          m.showPreferences()
        })
        // open every details section so the services and the cookie tables are checked too
        await inShadow(page, 'summary').evaluateAll((list) => list.forEach((s) => (s.parentElement as HTMLDetailsElement).open = true))
        expect(await axe(page)).toEqual([])
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width)
        await shot(page, `preferences-${name}`)

        await page.keyboard.press('Escape')
        await page.keyboard.press('Escape')
        expect(await axe(page)).toEqual([])
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width)
        await page.locator('iframe').evaluate((el) => el.previousElementSibling!.scrollIntoView())
        await shot(page, `placeholder-${name}`)
        await page.context().close()
      })
    }
  }

  it('zero violations for the modal and bar layouts and the reopen button', async () => {
    for (let layout of ['modal', 'bar']) {
      let page = await open({ config: { ui: { layout, reopenButton: true } } })
      expect(await axe(page)).toEqual([])
      await shot(page, `banner-${layout}`)
      await page.context().close()
    }
    let page = await open({ config: { ui: { reopenButton: true } }, decided: true })
    expect(await axe(page)).toEqual([])
    await shot(page, 'reopen-button')
    await page.context().close()
  })
})

describe('layout', () => {
  it('Accept all and Reject all have equal computed size, font and weight', async () => {
    for (let layout of ['box', 'bar', 'modal']) {
      for (let width of [1280, 320]) {
        let page = await open({ config: { ui: { layout } }, width })
        let [accept, reject] = await inShadow(page, '[part=buttons] button').evaluateAll((list) =>
          list.slice(0, 2).map((b) => {
            let r = b.getBoundingClientRect()
            let s = getComputedStyle(b)
            return { width: r.width, height: r.height, font: s.font, color: s.color, background: s.backgroundColor, border: s.border }
          })
        )
        expect(accept.width).toBeGreaterThan(40)
        expect(Math.abs(accept.width - reject.width), `${layout} ${width}`).toBeLessThan(0.5)
        expect({ ...accept, width: 0 }, `${layout} ${width}`).toEqual({ ...reject, width: 0 })
        await page.context().close()
      }
    }
  })

  it('long German labels do not make Accept all and Reject all differ in size (every layout, both views)', async () => {
    for (let layout of ['box', 'bar', 'modal']) {
      for (let width of [1280, 700, 481]) {
        let page = await open({ config: { language: 'de', translations: { de }, ui: { layout } }, width })
        for (let view of ['banner', 'preferences']) {
          if (view == 'preferences') await page.evaluate(() => (window as any).m.showPreferences())
          let sizes = await inShadow(page, '[part=buttons] button').evaluateAll((list) =>
            list.map((b) => {
              let r = b.getBoundingClientRect()
              return { label: b.textContent, width: Math.round(r.width * 10) / 10, height: Math.round(r.height * 10) / 10, clipped: b.scrollWidth > b.clientWidth }
            })
          )
          let accept = sizes.find((s) => s.label == de.banner.acceptAll)!
          let reject = sizes.find((s) => s.label == de.banner.rejectAll)!
          expect({ width: accept.width, height: accept.height }, `${layout} ${width} ${view}`).toEqual({ width: reject.width, height: reject.height })
          expect(sizes.filter((s) => s.clipped), `${layout} ${width} ${view}`).toEqual([])
        }
        await page.context().close()
      }
    }
  })

  it("opt-out mode's notice keeps Accept all and Reject all equal, its Do Not Sell or Share link on a row of its own", async () => {
    for (let layout of ['bar', 'box', 'modal']) {
      for (let width of [1280, 700, 375]) {
        let page = await open({ config: { mode: 'opt-out', language: 'de', translations: { de }, ui: { layout } }, width })
        let boxes = await inShadow(page, '[part~=banner] button').evaluateAll((list) =>
          list.map((b) => {
            let r = b.getBoundingClientRect()
            return { action: b.getAttribute('data-charto-action'), top: Math.round(r.top), bottom: Math.round(r.bottom), width: Math.round(r.width * 10) / 10, height: Math.round(r.height * 10) / 10 }
          })
        )
        let find = (action: string) => boxes.find((b) => b.action == action)!
        let [accept, reject, link] = [find('accept-all'), find('reject-all'), find('do-not-sell')]
        expect({ width: accept.width, height: accept.height }, `${layout} ${width}`).toEqual({ width: reject.width, height: reject.height })
        expect(link.top, `${layout} ${width}: the link under every button`).toBeGreaterThanOrEqual(Math.max(...boxes.filter((b) => b != link).map((b) => b.bottom)))
        await page.context().close()
      }
    }
  })

  it('the reopen button keeps a 3:1 focus indicator on a light page in the dark theme', async () => {
    let page = await open({ config: { ui: { reopenButton: true, theme: 'dark' } }, decided: true })
    await inShadow(page, '[part=reopen]').focus()
    // the indicator's colours (outline and its inner ring) against the white page the button floats on
    let ratios = await inShadow(page, '[part=reopen]').evaluate((el) => {
      let s = getComputedStyle(el)
      let colours = [s.outlineColor, ...(s.boxShadow.match(/rgba?\([^)]*\)/g) || [])].map((c) => c.match(/[\d.]+/g)!.slice(0, 3).map(Number))
      let lum = (c: number[]) => {
        let [r, g, b] = c.map((v) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4))
        return 0.2126 * r + 0.7152 * g + 0.0722 * b
      }
      return colours.map((c) => (1 + 0.05) / (lum(c) + 0.05))
    })
    expect(Math.max(...ratios)).toBeGreaterThanOrEqual(3)
    await page.context().close()
  })

  it('every switch, the locked Necessary one included, shows its state with 3:1 in both themes', async () => {
    for (let dark of [false, true]) {
      let page = await open({ dark })
      await page.evaluate(() => (window as any).m.showPreferences())
      await inShadow(page, 'input').nth(1).check()
      let ratios = await inShadow(page, 'dialog').evaluate((dialog) => {
        let rgb = (c: string) => c.match(/[\d.]+/g)!.slice(0, 3).map(Number)
        let lum = (c: number[]) => {
          let [r, g, b] = c.map((v) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4))
          return 0.2126 * r + 0.7152 * g + 0.0722 * b
        }
        let ratio = (a: number[], b: number[]) => (Math.max(lum(a), lum(b)) + 0.05) / (Math.min(lum(a), lum(b)) + 0.05)
        let bg = rgb(getComputedStyle(dialog).backgroundColor)
        return [...dialog.querySelectorAll('input')].map((input) => {
          let s = getComputedStyle(input)
          let knob = rgb(getComputedStyle(input, '::before').backgroundColor)
          let alpha = +s.opacity
          // what is painted: the switch blended over the dialog's background by its opacity
          let paint = (c: number[]) => c.map((v, i) => v * alpha + bg[i] * (1 - alpha))
          let track = rgb((input as HTMLInputElement).checked ? s.backgroundColor : s.borderTopColor)
          return Math.min(ratio(paint(track), bg), ratio(paint(knob), paint((input as HTMLInputElement).checked ? track : bg)))
        })
      })
      expect(ratios.length).toBeGreaterThan(3)
      expect(Math.min(...ratios), dark ? 'dark' : 'light').toBeGreaterThanOrEqual(3)
      await page.context().close()
    }
  })

  it('every target is at least 24×24 CSS px', async () => {
    let page = await open({ config: { ui: { reopenButton: true } } })
    await page.evaluate(() => (window as any).m.showPreferences())
    await inShadow(page, 'summary').evaluateAll((list) => list.forEach((s) => (s.parentElement as HTMLDetailsElement).open = true))
    let small = await page.evaluate(() =>
      [...document.querySelector('charto-ui')!.shadowRoot!.querySelectorAll('button,input,a')]
        .map((el) => [el.outerHTML.slice(0, 60), el.getBoundingClientRect()] as const)
        .filter(([, r]) => r.width && (r.width < 24 || r.height < 24))
        .map(([html]) => html)
    )
    expect(small).toEqual([])
    await page.context().close()
  })

  it('survives a host stylesheet with * { all: unset } and button { display: none }', async () => {
    let page = await open({ head: '<style>* { all: unset !important } button { display: none !important } charto-ui { display: none }</style>' })
    let box = await inShadow(page, '[part=banner]').boundingBox()
    expect(box!.height).toBeGreaterThan(80)
    let buttons = await inShadow(page, 'button').evaluateAll((list) => list.map((b) => [getComputedStyle(b).display, b.getBoundingClientRect().height]))
    expect(buttons.every(([display, height]) => display != 'none' && (height as number) >= 24)).toBe(true)
    await shot(page, 'hostile-host-css')
    await page.context().close()
  })

  it('sets lang and dir for RTL translations', async () => {
    let page = await open({ config: { language: 'ar', translations: { ar: { banner: { title: 'نحن نحترم خصوصيتك' } } } } })
    expect(await inShadow(page, '[part=banner]').getAttribute('dir')).toBe('rtl')
    await shot(page, 'banner-rtl')
    await page.context().close()
  })
})

describe('action hooks', () => {
  it('a test clicks the dialog through data-charto-action, and a theme styles one button through its own part', async () => {
    let page = await open({
      head: '<style>charto-ui::part(reject-all) { outline: 4px solid rgb(255, 0, 0) } charto-ui::part(button) { letter-spacing: 1px }</style>'
    })
    let styles = await inShadow(page, '[part~=banner] button').evaluateAll((list) => list.map((b) => [b.dataset.chartoAction, getComputedStyle(b).outlineStyle, getComputedStyle(b).letterSpacing]))
    expect(styles).toEqual([
      ['accept-all', 'none', '1px'],
      ['reject-all', 'solid', '1px'],
      ['preferences', 'none', '1px']
    ])
    await page.locator('[data-charto-action="preferences"]').click()
    await page.getByRole('switch', { name: 'Performance' }).check()
    await page.locator('[data-charto-action="close"]').click()
    expect(await page.evaluate(() => (window as any).m.getConsent().decided)).toBe(false)
    await page.locator('[data-charto-action="preferences"]').click()
    await page.getByRole('switch', { name: 'Marketing' }).check()
    await page.locator('[data-charto-action="save"]').click()
    expect(await page.evaluate(() => (window as any).m.getConsent())).toMatchObject({ method: 'custom', categories: { marketing: true, performance: false } })
    await page.context().close()
  })
})

describe('consent receipt', () => {
  it('the preferences show the consent id and a link to its receipt; axe-core finds nothing', async () => {
    let page = await open({ decided: true, config: { records: { endpoint: '/consent-records/' } } })
    await page.getByRole('link', { name: 'Cookie settings' }).click()
    let id = await page.evaluate(() => (window as any).m.getConsent().id)
    await expect.poll(() => page.getByText(`Your consent ID: ${id}`).isVisible()).toBe(true)
    expect(await axe(page)).toEqual([])
    await page.getByRole('link', { name: 'View your consent receipt' }).scrollIntoViewIfNeeded()
    await shot(page, 'preferences-receipt')
    await page.getByRole('link', { name: 'View your consent receipt' }).click()
    await page.waitForURL(`**/consent-records/${id}/receipt`)
    expect(server.hits(`/consent-records/${id}/receipt`)).toHaveLength(1)
    await page.context().close()
  })
})

describe('strict CSP', () => {
  const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; frame-src 'none'"
  const watch = () => {
    ;(window as any).violations = []
    document.addEventListener('securitypolicyviolation', (e) => (window as any).violations.push(e.violatedDirective + ' ' + e.blockedURI))
  }

  it('styles through constructable stylesheets with no securitypolicyviolation', async () => {
    let page = await open({ headers: { 'content-security-policy': CSP }, before: watch })
    await page.evaluate(() => (window as any).m.showPreferences())
    await page.keyboard.press('Escape')
    let style = await inShadow(page, '[part=banner]').evaluate((el) => getComputedStyle(el).position)
    expect(style).toBe('fixed')
    expect(await page.evaluate(() => (window as any).violations)).toEqual([])
    await page.context().close()
  })

  it('falls back to a <style nonce> where constructable stylesheets are missing', async () => {
    let page = await open({
      headers: { 'content-security-policy': CSP.replace("style-src 'self'", "style-src 'nonce-abc123'") },
      config: { ui: { nonce: 'abc123' } },
      before: () => {
        delete (CSSStyleSheet.prototype as any).replaceSync
        ;(window as any).violations = []
        document.addEventListener('securitypolicyviolation', (e) => (window as any).violations.push(e.violatedDirective))
      }
    })
    expect(await inShadow(page, 'style').count()).toBe(1)
    expect(await inShadow(page, '[part=banner]').evaluate((el) => getComputedStyle(el).position)).toBe('fixed')
    // The preferences centre's own styles join them, with the nonce, the first time it opens (and only then).
    await page.evaluate(() => (window as any).m.showPreferences())
    expect(await inShadow(page, 'style').count()).toBe(2)
    expect(await inShadow(page, '[role=switch]').first().evaluate((el) => getComputedStyle(el).appearance)).toBe('none')
    await page.keyboard.press('Escape')
    await page.evaluate(() => (window as any).m.showPreferences())
    expect(await inShadow(page, 'style').count()).toBe(2)
    expect(await page.evaluate(() => (window as any).violations)).toEqual([])
    await page.context().close()
  })
})

describe('with the blocker', () => {
  it('draws a placeholder sized like each held iframe and loads it in place', async () => {
    server.page(
      '/with-blocker/',
      `<!doctype html><html lang="en"><title>Blocker</title><script src="/ui-blocker.js"></script><script src="/with-blocker/init.js"></script>
<main><h1>Videos</h1><iframe data-src="/video-frame" data-service="youtube" width="400" height="225" title="A video"></iframe>
<iframe data-src="/map-frame" data-category="functional" width="300" height="200" title="A map"></iframe></main>`,
      { 'content-security-policy': "default-src 'self'; script-src 'self'; style-src 'self'" }
    )
    server.route('/with-blocker/init.js', (_req, res) =>
      res
        .writeHead(200, { 'content-type': 'text/javascript' })
        .end(`window.m = Charto.createConsent(${JSON.stringify({ ...CONFIG, ui: { layout: 'bar' } })}, [Charto.blocker, Charto.ui])`)
    )
    let page = await browser.newPage()
    await page.goto(server.origin() + '/with-blocker/')
    await page.evaluate(() => (window as any).m.rejectAll())
    let cards = page.locator('[part=placeholder]')
    expect(await cards.count()).toBe(2)
    expect(await cards.first().textContent()).toContain('YouTube (Marketing)')
    expect(await cards.nth(1).textContent()).toContain('A map (Functional)')
    let box = await cards.first().boundingBox()
    expect([Math.round(box!.width), Math.round(box!.height)]).toEqual([404, 229])
    expect(await axe(page)).toEqual([])
    await shot(page, 'placeholders-with-blocker')
    expect(server.hits('/video-frame')).toHaveLength(0)
    await cards.first().getByRole('button', { name: 'Load this content' }).click()
    await page.waitForFunction(() => document.querySelectorAll('charto-ui').length == 2)
    expect(await page.locator('iframe').first().getAttribute('src')).toBe('/video-frame')
    expect(await page.locator('iframe').first().isVisible()).toBe(true)
    expect(await page.evaluate(() => (window as any).m.getConsent().categories.marketing)).toBe(false)
    await page.close()
  })
})

describe('keyboard only', () => {
  it('reaches and uses every control; Tab and Shift+Tab wrap; Escape grants nothing; focus returns', async () => {
    let page = await open()
    // the banner is a non-modal region first in the tab order
    let order = []
    for (let i = 0; i < 5; i++) {
      await page.keyboard.press('Tab')
      order.push(await focused(page))
    }
    expect(order).toEqual(['Privacy policy', 'Accept all', 'Reject all', 'Preferences', 'a link'])
    await page.keyboard.press('Shift+Tab')
    expect(await focused(page)).toBe('Preferences')
    await page.keyboard.press('Enter')
    expect(await inShadow(page, 'dialog').getAttribute('aria-modal')).toBe('true')
    expect(await focused(page)).toBe('Close')

    // forward through the dialog and around
    let forward = ['Close']
    for (let i = 0; i < 9; i++) {
      await page.keyboard.press('Tab')
      forward.push(await focused(page))
    }
    expect(forward).toEqual(['Close', 'Services and cookies', 'Performance', 'Services and cookies', 'Marketing', 'Services and cookies', 'Functional', 'Accept all', 'Reject all', 'Save choices'].slice(0, 10))
    await page.keyboard.press('Tab')
    expect(await focused(page)).toBe('Close')
    await page.keyboard.press('Shift+Tab')
    expect(await focused(page)).toBe('Save choices')

    // expand a section, switch a service with Space, save with Enter
    for (let i = 0; i < 4; i++) await page.keyboard.press('Shift+Tab')
    expect(await focused(page)).toBe('Services and cookies')
    await page.keyboard.press('Enter')
    await page.keyboard.press('Tab')
    expect(await focused(page)).toBe('YouTube')
    await page.keyboard.press('Space')
    expect(await inShadow(page, 'input').nth(4).isChecked()).toBe(true)
    for (let i = 0; i < 4; i++) await page.keyboard.press('Shift+Tab')
    expect(await focused(page)).toBe('Performance')
    await page.keyboard.press('Space')
    // Escape goes back to the banner (nothing granted), focus on its Preferences button
    await page.keyboard.press('Escape')
    expect(await page.evaluate(() => (window as any).m.getConsent().decided)).toBe(false)
    expect(await focused(page)).toBe('Preferences')
    await page.keyboard.press('Enter')
    await page.keyboard.press('Tab')
    await page.keyboard.press('Tab')
    await page.keyboard.press('Space') // performance on
    for (let i = 0; i < 7; i++) await page.keyboard.press('Tab')
    expect(await focused(page)).toBe('Save choices')
    await page.keyboard.press('Enter')
    let consent = await page.evaluate(() => (window as any).m.getConsent())
    expect(consent).toMatchObject({ method: 'custom', categories: { performance: true, marketing: false }, services: { ga4: true, youtube: false } })
    expect(await inShadow(page, '[role=status]').first().textContent()).toBe('Preferences saved')
    expect(await inShadow(page, 'section,dialog').count()).toBe(0)

    // The footer link opens the preferences with the stored state; Escape returns focus to it
    await page.locator('[data-charto-open]').focus()
    await page.keyboard.press('Enter')
    expect(await focused(page)).toBe('Close')
    expect(await inShadow(page, 'input').evaluateAll((l) => l.map((i) => (i as HTMLInputElement).checked))).toEqual([true, true, true, false, false, false])
    await page.keyboard.press('Escape')
    expect(await inShadow(page, 'dialog').count()).toBe(0)
    expect(await focused(page)).toBe('Cookie settings')
    await page.context().close()
  })

  it('Shift+Tab never leaves a modal, even after a click on its text gave the dialog itself focus', async () => {
    let page = await open({ config: { ui: { layout: 'modal' } } })
    await inShadow(page, 'h2').click()
    await page.keyboard.press('Shift+Tab')
    expect(await focused(page)).toBe('Preferences')
    await page.evaluate(() => (window as any).m.showPreferences())
    await inShadow(page, 'dialog p').first().click()
    await page.keyboard.press('Shift+Tab')
    expect(await focused(page)).toBe('Save choices')
    await inShadow(page, 'dialog p').first().click()
    await page.keyboard.press('Tab')
    expect(await focused(page)).toBe('Close')
    expect(await page.evaluate(() => (window as any).m.getConsent().decided)).toBe(false)
    await page.context().close()
  })

  it('Escape from preferences opened by a placeholder while the banner shows returns focus to the placeholder', async () => {
    let page = await open({ body: '<iframe data-src="https://www.youtube-nocookie.com/embed/x" width="560" height="315" title="A video"></iframe>' })
    await page.evaluate(() => (window as any).emit('blocked', { element: document.querySelector('iframe'), categories: ['marketing'], service: 'youtube' }))
    let card = page.locator('iframe').locator('xpath=preceding-sibling::charto-ui').locator('[part=placeholder]')
    await card.getByRole('button', { name: 'Preferences' }).click()
    expect(await focused(page)).toBe('Close')
    await page.keyboard.press('Escape')
    expect(await inShadow(page, '[part=banner]').count()).toBe(1)
    expect(await page.evaluate(() => (window as any).m.getConsent().decided)).toBe(false)
    expect(await card.evaluate((el) => (el.getRootNode() as ShadowRoot).activeElement?.textContent)).toBe('Preferences')
    await page.context().close()
  })

  it('the modal layout makes the page inert and traps focus', async () => {
    let page = await open({ config: { ui: { layout: 'modal' } } })
    await page.keyboard.press('Tab')
    let seen = new Set<string>()
    for (let i = 0; i < 12; i++) {
      seen.add(await focused(page))
      await page.keyboard.press('Tab')
    }
    expect([...seen].sort()).toEqual(['Accept all', 'Preferences', 'Privacy policy', 'Reject all'])
    await page.keyboard.press('Shift+Tab')
    await page.keyboard.press('Shift+Tab')
    await page.keyboard.press('Shift+Tab')
    await page.keyboard.press('Shift+Tab')
    await page.keyboard.press('Shift+Tab')
    expect(seen.has(await focused(page))).toBe(true)
    expect(await page.evaluate(() => (window as any).m.getConsent().decided)).toBe(false)
    await page.context().close()
  })

  it('the placeholder is reachable and grants its service in place', async () => {
    let page = await open({ decided: true, body: '<iframe data-src="https://www.youtube-nocookie.com/embed/x" width="560" height="315" title="A video"></iframe>' })
    await page.evaluate(() => (window as any).emit('blocked', { element: document.querySelector('iframe'), categories: ['marketing'], service: 'youtube' }))
    let card = page.locator('iframe').locator('xpath=preceding-sibling::charto-ui').locator('[part=placeholder]')
    let box = await card.boundingBox()
    expect([box!.width, box!.height]).toEqual([564, 319].map((n) => n))
    await page.locator('a[href="/elsewhere"]').focus()
    await page.keyboard.press('Tab')
    expect(await focused(page)).toBe('Load this content')
    await page.keyboard.press('Enter')
    expect(await page.evaluate(() => (window as any).m.getConsent().services.youtube)).toBe(true)
    await page.context().close()
  })
})

describe('preferences centre on a phone', () => {
  it('the scroll cue above the sticky buttons shows only while more of the list follows', async () => {
    let page = await open({ width: 375 })
    await page.setViewportSize({ width: 375, height: 740 })
    await page.evaluate(() => (window as any).m.showPreferences())
    await inShadow(page, 'summary').evaluateAll((list) => list.forEach((s) => ((s.parentElement as HTMLDetailsElement).open = true)))
    let dialog = inShadow(page, 'dialog')
    // Visible: a shadow whose colour is not fully transparent (at the very end the animation reaches a transparent one).
    let cue = () => inShadow(page, 'dialog > [part=buttons]').evaluate((el) => !/^(none|rgba\(\d+, \d+, \d+, 0\) )/.test(getComputedStyle(el).boxShadow))
    let scroll = (to: 'top' | 'bottom') => dialog.evaluate((el, to) => el.scrollTo(0, to == 'top' ? 0 : el.scrollHeight), to)
    expect(await dialog.evaluate((el) => el.scrollHeight > el.clientHeight + 40), 'the list overflows at 375×740').toBe(true)
    await expect.poll(cue, { message: 'at the top: the cue shows' }).toBe(true)
    await scroll('bottom')
    await expect.poll(cue, { message: 'at the bottom: no cue' }).toBe(false)
    await scroll('top')
    await expect.poll(cue, { message: 'back at the top: the cue again' }).toBe(true)
    // A screen tall enough for the whole list: nothing follows, no cue.
    await page.setViewportSize({ width: 1280, height: 1600 })
    expect(await dialog.evaluate((el) => el.scrollHeight <= el.clientHeight)).toBe(true)
    await expect.poll(cue, { message: 'nothing overflows: no cue' }).toBe(false)
    await page.context().close()
  })

  it("on a 375×740 phone the preferences centre's buttons take two rows at most, Accept all and Reject all side by side and equal", async () => {
    for (let language of ['en', 'de']) {
      let page = await open({ width: 375, config: { language, translations: { de } } })
      await page.setViewportSize({ width: 375, height: 740 })
      await page.evaluate(() => (window as any).m.showPreferences())
      let boxes = await inShadow(page, 'dialog > [part=buttons] button').evaluateAll((list) =>
        list.map((b) => {
          let r = b.getBoundingClientRect()
          return { action: b.getAttribute('data-charto-action'), top: Math.round(r.top), width: Math.round(r.width * 10) / 10, height: Math.round(r.height * 10) / 10 }
        })
      )
      let [accept, reject] = boxes
      expect(boxes.map((b) => b.action)).toEqual(['accept-all', 'reject-all', 'save'])
      expect(new Set(boxes.map((b) => b.top)).size, `${language}: rows`).toBeLessThanOrEqual(2)
      expect(accept.top, `${language}: Accept all and Reject all on one row`).toBe(reject.top)
      expect({ width: accept.width, height: accept.height }).toEqual({ width: reject.width, height: reject.height })
      let bar = await inShadow(page, 'dialog > [part=buttons]').evaluate((el) => el.getBoundingClientRect().height)
      expect(bar, `${language}: the button bar takes at most a sixth of the screen`).toBeLessThanOrEqual(740 / 6)
      await shot(page, `preferences-phone-${language}`)
      await page.context().close()
    }
  })

})

describe('text spacing (WCAG 1.4.12)', () => {
  it('text-spacing overrides clip nothing in the banner and the preferences at 320 px', async () => {
    let page = await open({ width: 320 })
    // What a text-spacing bookmarklet applies, pushed into the shadow root as well (document styles do not reach it).
    let spaced = async () =>
      page.evaluate(() => {
        let css = '* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important } p { margin-bottom: 2em !important }'
        let sheet = new CSSStyleSheet()
        sheet.replaceSync(css)
        let root = document.querySelector('charto-ui')!.shadowRoot!
        root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet]
        let style = document.createElement('style')
        style.textContent = css
        document.head.append(style)
      })
    // Text is clipped when an element hides overflow its content needs.
    let clipped = () =>
      page.evaluate(() => {
        let found: string[] = []
        let walk = (root: ParentNode) => {
          for (let el of root.querySelectorAll<HTMLElement>('*')) {
            let style = getComputedStyle(el)
            let hides = /hidden|clip/.test(style.overflowX + style.overflowY)
            if (hides && el.offsetParent && (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1)) {
              found.push(el.localName + '[' + (el.getAttribute('part') || el.className) + ']')
            }
            if (el.shadowRoot) walk(el.shadowRoot)
          }
        }
        walk(document)
        return found
      })
    await inShadow(page, '[part~=banner]').first().waitFor()
    await spaced()
    expect(await clipped()).toEqual([])
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320)
    await page.evaluate(() => (window as any).m.showPreferences())
    await inShadow(page, 'summary').evaluateAll((list) => list.forEach((s) => ((s.parentElement as HTMLDetailsElement).open = true)))
    expect(await clipped()).toEqual([])
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320)
    await shot(page, 'preferences-text-spacing-320')
  })
})

describe('native close requests', () => {
  it('Escape with focus outside the dialog (a cancel event) closes it the same way and grants nothing', async () => {
    let page = await open()
    await page.evaluate(() => {
      let w = window as any
      w.m.showPreferences()
      w.shows = []
      w.m.on('show', (e: any) => w.shows.push(e.view))
    })
    await inShadow(page, 'dialog').waitFor()
    // Focus leaves every control (as after a click on blank space in some browsers); the browser then handles Escape
    // itself and fires `cancel` on the modal dialog.
    await page.evaluate(() => (document.querySelector('charto-ui')!.shadowRoot!.activeElement as HTMLElement | null)?.blur())
    await page.keyboard.press('Escape')
    // An undecided visitor is back at the banner, nothing granted, and the dialog is gone, not just closed.
    await inShadow(page, '[part~=banner]').waitFor()
    expect(await inShadow(page, 'dialog').count()).toBe(0)
    expect(await page.evaluate(() => [(window as any).shows, (window as any).m.getConsent().decided])).toEqual([['banner'], false])
  })
})

describe('hostile pages, part two', () => {
  it("the host's root font size (html { font-size: 62.5% }) does not shrink the dialog or its targets", async () => {
    let sizes = async (head?: string) => {
      let page = await open({ head })
      await inShadow(page, '[part~=banner]').waitFor()
      let banner = await inShadow(page, '[part~=banner]').boundingBox()
      await page.getByRole('button', { name: 'Preferences' }).click()
      let toggle = await page.getByRole('switch', { name: 'Performance' }).boundingBox()
      let button = await page.getByRole('dialog').getByRole('button', { name: 'Save choices' }).boundingBox()
      await page.context().close()
      return [banner!.width, toggle!.width, toggle!.height, button!.height].map(Math.round)
    }
    let plain = await sizes()
    expect(await sizes('<style>html{font-size:62.5%}</style>')).toEqual(plain)
    expect(plain[2]).toBeGreaterThanOrEqual(24)
  })

  it('in forced colours (high contrast), an on switch and an off switch look different', async () => {
    let page = await open({ decided: true })
    await page.emulateMedia({ forcedColors: 'active' })
    await page.evaluate(() => (window as any).m.setConsent({ performance: true }))
    await page.evaluate(() => (window as any).m.showPreferences())
    let on = await page.getByRole('switch', { name: 'Performance' }).screenshot()
    let off = await page.getByRole('switch', { name: 'Marketing' }).screenshot()
    expect(on.equals(off)).toBe(false)
    // The knob is drawn in the system text colour, so the off switch is not an empty outline.
    let knob = await page.getByRole('switch', { name: 'Marketing' }).evaluate((input) => getComputedStyle(input, '::before').backgroundColor)
    let track = await page.getByRole('switch', { name: 'Marketing' }).evaluate((input) => getComputedStyle(input).backgroundColor)
    expect(knob).not.toBe(track)
    await page.context().close()
  })

  it('a data-charto-open link inside a web component (shadow DOM) opens the preferences', async () => {
    let page = await open({
      decided: true,
      body: `<site-footer></site-footer><script>
        customElements.define('site-footer', class extends HTMLElement {
          constructor() { super(); this.attachShadow({ mode: 'open' }).innerHTML = '<a href="#" data-charto-open>Privacy choices</a>' }
        })</script>`
    })
    await page.getByRole('link', { name: 'Privacy choices' }).click()
    await expect.poll(() => page.getByRole('dialog', { name: 'Cookie preferences' }).isVisible()).toBe(true)
    await page.context().close()
  })

  it('a modal banner (consent wall) stays until a choice: Escape does not lift it', async () => {
    let page = await open({ config: { ui: { layout: 'modal' } } })
    let wall = page.getByRole('dialog', { name: 'We value your privacy' })
    await expect.poll(() => wall.isVisible()).toBe(true)
    await page.keyboard.press('Escape')
    await page.waitForTimeout(100)
    expect(await wall.isVisible()).toBe(true)
    expect(await page.evaluate(() => (window as any).m.getConsent().decided)).toBe(false)
    await page.getByRole('button', { name: 'Reject all' }).click()
    await expect.poll(() => wall.count()).toBe(0)
    await page.context().close()
  })
})
