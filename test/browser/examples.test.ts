// Every runnable example in examples/, in Chromium: first visit (banner, nothing gated has run or been requested),
// Accept all (the gated things run or load), returning visits, SPA route changes and the server-rendered page.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, readdirSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { launchBrowser, startServer, type TestServer } from './harness.js'
// @ts-ignore: plain ESM example, imported here exactly as a Node app would run it
import { handle as ssrHandle } from '../../examples/ssr/server.mjs'

const ROOT = join(import.meta.dirname, '..', '..')

let browser: Browser
let server: TestServer
let contexts: BrowserContext[] = []
let errors: string[] = []

beforeAll(async () => {
  if (!existsSync(join(ROOT, 'dist', 'charto.global.js'))) throw new Error('Build first: npm run build')
  // React and Vue bundles (git-ignored), as `npm run demo` builds them.
  let built = spawnSync(process.execPath, [join(ROOT, 'examples', 'build.mjs')], { encoding: 'utf8' })
  if (built.status !== 0) throw new Error('examples/build.mjs failed:\n' + built.stderr)
  server = await startServer()
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
  await server?.close()
})
beforeEach(() => {
  server.requests.length = 0
  errors = []
})

/** A page in a fresh context (no cookies: a first visit). Uncaught page errors fail the test that checks them. */
async function visit(path: string, origin = server.origin()): Promise<Page> {
  let context = await browser.newContext()
  contexts.push(context)
  let page = await context.newPage()
  page.on('pageerror', (error) => errors.push(error.message))
  await page.goto(origin + path)
  return page
}

const acceptAll = (page: Page) => page.getByRole('button', { name: 'Accept all' }).click()
const rejectAll = (page: Page) => page.getByRole('button', { name: 'Reject all' }).click()
/** The SPA's navigation (the home view links to Stats too). */
const nav = (page: Page, name: string) => page.getByRole('navigation').getByRole('link', { name })
/** The first-layer banner (a named region in charto's shadow root). */
const banner = (page: Page) => page.getByRole('region', { name: 'We value your privacy' })
const evaluate = <T>(page: Page, expression: string): Promise<T> => page.evaluate(expression) as Promise<T>
/** Lets queued scripts, frames and microtasks settle. */
const settle = (page: Page) => page.evaluate(() => new Promise((done) => setTimeout(done, 150)))
const requested = (part: string) => server.hits(part).length > 0

afterAll(async () => {
  for (let context of contexts) await context.close().catch(() => {})
})

describe('examples index', () => {
  it('links every example directory, each with one line, and every link resolves', async () => {
    let page = await visit('/examples/')
    let links: string[] = await page.locator('#examples > li > a').evaluateAll((as) => as.map((a) => a.getAttribute('href') || ''))
    let dirs = readdirSync(join(ROOT, 'examples'), { withFileTypes: true })
      .filter((d) => d.isDirectory() && (existsSync(join(ROOT, 'examples', d.name, 'index.html')) || existsSync(join(ROOT, 'examples', d.name, 'server.mjs'))))
      .filter((d) => d.name !== 'records-receiver')
      // Apps with their own package.json (examples/next, vite-react…) are installed and served by their own suites.
      .filter((d) => !existsSync(join(ROOT, 'examples', d.name, 'package.json')))
      .map((d) => d.name + '/')
    // One link per example directory (a built example links to its output, e.g. vite-spa/dist/).
    expect(links.map((href) => href.split('/')[0] + '/').sort()).toEqual(dirs.sort())
    for (let href of links.filter((l) => l !== 'ssr/')) {
      let response = await page.request.get(server.origin('127.0.0.1') + '/examples/' + href)
      expect(response.status(), href).toBe(200)
      expect(await response.text(), href).toMatch(/<title>charto\b/)
    }
    expect(errors).toEqual([])
  })
})

describe('accessibility of the example pages', () => {
  it('axe-core finds no violations on the index and on each static example with its banner open', async () => {
    for (let path of ['/examples/', '/examples/script-tag/', '/examples/consent-mode-basic/', '/examples/consent-mode-advanced/', '/examples/spa/#/video', '/examples/react/', '/examples/vue/', '/examples/regions-and-records/?region=DE']) {
      let page = await visit(path)
      if (path != '/examples/') await expect.poll(() => banner(page).isVisible()).toBe(true)
      await page.addScriptTag({ url: '/node_modules/axe-core/axe.min.js' })
      let violations = await page.evaluate(async () => {
        let result = await (window as any).axe.run(document, { resultTypes: ['violations'] })
        return result.violations.map((v: any) => `${v.id}: ${v.nodes.map((n: any) => JSON.stringify(n.target)).join(' ')}`)
      })
      expect(violations, path).toEqual([])
    }
    expect(errors).toEqual([])
  })
})

describe('script tag', () => {
  it('first visit: banner with the policy link, nothing blocked runs or loads; Accept all runs and loads it', async () => {
    let page = await visit('/examples/script-tag/')
    await expect.poll(() => banner(page).isVisible()).toBe(true)
    await expect(banner(page).getByRole('link', { name: 'Privacy policy' }).getAttribute('href')).resolves.toBe('privacy.html')
    expect(await evaluate(page, 'typeof Charto.instance.getConsent')).toBe('function')
    // The embed waits behind a placeholder naming the service and category.
    await expect.poll(() => page.getByText('YouTube (Embedded content) is blocked').isVisible()).toBe(true)
    await settle(page)
    expect(await evaluate(page, 'window.analyticsLoaded')).toBeUndefined()
    expect(await page.locator('iframe[title="Product video"]').getAttribute('src')).toBeNull()
    expect(requested('/script-tag/analytics.js')).toBe(false)
    expect(requested('/script-tag/embed.html')).toBe(false)
    expect(await evaluate(page, 'document.cookie')).not.toMatch(/ex_analytics/)

    await acceptAll(page)
    await page.waitForFunction(() => (window as any).analyticsLoaded === true)
    await expect.poll(() => page.locator('iframe[title="Product video"]').getAttribute('src')).toBe('embed.html')
    await expect.poll(() => requested('/script-tag/embed.html')).toBe(true)
    expect(await page.locator('#analytics-status').textContent()).toContain('ran after consent')
    expect(await banner(page).count()).toBe(0)
    expect(await page.getByText('is blocked until you allow it').count()).toBe(0)

    // Returning visit: no banner, the consented script runs at once.
    server.requests.length = 0
    await page.reload()
    await page.waitForFunction(() => (window as any).analyticsLoaded === true)
    await settle(page)
    expect(await banner(page).count()).toBe(0)
    expect(await page.locator('charto-ui').count()).toBe(0)
    expect(errors).toEqual([])
  })

  it('Reject all keeps everything blocked, also on the next visit; the footer link reopens the preferences', async () => {
    let page = await visit('/examples/script-tag/')
    await rejectAll(page)
    await page.reload()
    await settle(page)
    expect(await evaluate(page, 'window.analyticsLoaded')).toBeUndefined()
    expect(requested('/script-tag/analytics.js')).toBe(false)
    expect(requested('/script-tag/embed.html')).toBe(false)
    expect(await banner(page).count()).toBe(0)

    await page.getByRole('link', { name: 'Cookie settings' }).click()
    let dialog = page.getByRole('dialog', { name: 'Cookie preferences' })
    await expect.poll(() => dialog.isVisible()).toBe(true)
    expect(await dialog.getByRole('switch', { name: 'Analytics' }).isChecked()).toBe(false)
    await dialog.getByRole('switch', { name: 'Analytics' }).check()
    await dialog.getByRole('button', { name: 'Save choices' }).click()
    await page.waitForFunction(() => (window as any).analyticsLoaded === true)
    expect(requested('/script-tag/embed.html')).toBe(false)
    expect(errors).toEqual([])
  })

  it('"Load this content" on the placeholder loads only that embed', async () => {
    let page = await visit('/examples/script-tag/')
    await page.getByRole('button', { name: 'Load this content' }).click()
    await expect.poll(() => requested('/script-tag/embed.html')).toBe(true)
    await settle(page)
    expect(await evaluate(page, 'window.analyticsLoaded')).toBeUndefined()
    expect(await evaluate(page, 'Charto.instance.getConsent().services')).toEqual({ analytics: false, youtube: true })
    expect(errors).toEqual([])
  })
})

describe('Google Consent Mode', () => {
  type Entry = unknown[] | { event: string; charto: Record<string, string> }
  /** window.dataLayer as plain arrays (Arguments objects) and event objects. */
  const dataLayer = (page: Page) =>
    page.evaluate(() =>
      ((window as any).dataLayer as any[]).map((e) => (e.event ? e : Array.from(e as ArrayLike<unknown>).map((x) => (x instanceof Date ? 'date' : x))))
    ) as Promise<Entry[]>
  /** `consent default`, `set url_passthrough`, `js`, `config`, `event charto_consent`… */
  const commands = (list: Entry[]) =>
    list.map((e) => (Array.isArray(e) ? (e[0] == 'consent' || e[0] == 'set' ? e[0] + ' ' + e[1] : e[0]) : 'event ' + e.event))

  it('basic: nothing from Google loads before consent; after Accept all the tag loads and sees the update', async () => {
    let page = await visit('/examples/consent-mode-basic/')
    await expect.poll(() => banner(page).isVisible()).toBe(true)
    await settle(page)
    let before = await dataLayer(page)
    expect(commands(before)).toEqual(['consent default'])
    expect((before[0] as any[])[2]).toMatchObject({ analytics_storage: 'denied', ad_storage: 'denied', security_storage: 'granted' })
    expect(await evaluate(page, 'window.fakeGtag')).toBeUndefined()
    expect(requested('fake-gtag.js')).toBe(false)

    await acceptAll(page)
    await page.waitForFunction(() => (window as any).fakeGtag?.hits.length > 0)
    let gtag = await evaluate<any>(page, 'window.fakeGtag')
    expect(gtag.consent).toMatchObject({ analytics_storage: 'granted', ad_storage: 'granted' })
    expect(gtag.hits).toEqual([{ type: 'page_view', id: 'G-EXAMPLE', cookieless: false }])
    expect(commands(await dataLayer(page))).toEqual(['consent default', 'consent update', 'event charto_consent', 'js', 'config'])
    expect(await evaluate(page, 'document.cookie')).toMatch(/_ga=GA1\.1\./)

    // Returning visit: default, then the stored update, before the (now running) tags.
    await page.reload()
    await page.waitForFunction(() => (window as any).fakeGtag?.hits.length > 0)
    expect(commands(await dataLayer(page))).toEqual(['consent default', 'consent update', 'event charto_consent', 'js', 'config'])
    expect(await banner(page).count()).toBe(0)
    expect(errors).toEqual([])
  })

  it('advanced: the tag loads at once with denied defaults (cookieless), cookies only after Accept all', async () => {
    let page = await visit('/examples/consent-mode-advanced/')
    await page.waitForFunction(() => (window as any).fakeGtag?.hits.length > 0)
    expect(commands(await dataLayer(page))).toEqual(['consent default', 'set ads_data_redaction', 'set url_passthrough', 'js', 'config'])
    let gtag = await evaluate<any>(page, 'window.fakeGtag')
    expect(gtag.consent.analytics_storage).toBe('denied')
    expect(gtag.hits).toEqual([{ type: 'page_view', id: 'G-EXAMPLE', cookieless: true }])
    expect(await evaluate(page, 'document.cookie')).not.toMatch(/_ga=/)
    await expect.poll(() => banner(page).isVisible()).toBe(true)

    await acceptAll(page)
    await page.waitForFunction(() => (window as any).fakeGtag.hits.length == 2)
    gtag = await evaluate<any>(page, 'window.fakeGtag')
    expect(gtag.consent).toMatchObject({ analytics_storage: 'granted', ad_user_data: 'granted' })
    expect(gtag.hits[1].cookieless).toBe(false)
    expect(gtag.events.map((e: any) => e.event)).toEqual(['charto_consent'])
    expect(await evaluate(page, 'document.cookie')).toMatch(/_ga=GA1\.1\./)

    await page.reload()
    await page.waitForFunction(() => (window as any).fakeGtag?.hits.length > 0)
    expect(commands(await dataLayer(page))).toEqual([
      'consent default', 'set ads_data_redaction', 'set url_passthrough', 'consent update', 'event charto_consent', 'js', 'config'
    ])
    expect((await evaluate<any>(page, 'window.fakeGtag')).hits[0].cookieless).toBe(false)
    expect(errors).toEqual([])
  })
})

describe('single-page app', () => {
  it('markup added on a route change waits for consent and then runs, with no rescan call', async () => {
    let page = await visit('/examples/spa/')
    await expect.poll(() => banner(page).isVisible()).toBe(true)
    await nav(page, 'Stats').click()
    await expect.poll(() => page.locator('#stats-status').isVisible()).toBe(true)
    await settle(page)
    expect(await evaluate(page, 'window.spaPageViews')).toBeUndefined()
    expect(await page.locator('#stats-status').textContent()).toContain('has not run')

    await acceptAll(page)
    await page.waitForFunction(() => (window as any).spaPageViews?.length == 1)
    expect(await page.locator('#stats-status').textContent()).toContain('Page view counted')
    expect(await page.locator('#consent-status').textContent()).toBe('Consent: necessary, performance, marketing, functional')

    // After consent, every later route change runs its snippet at once.
    await nav(page, 'Home').click()
    await nav(page, 'Stats').click()
    await page.waitForFunction(() => (window as any).spaPageViews?.length == 2)
    await nav(page, 'Video').click()
    await expect.poll(() => requested('/script-tag/embed.html')).toBe(true)
    expect(errors).toEqual([])
  })

  it('after Reject all, route changes add markup that never runs or loads', async () => {
    let page = await visit('/examples/spa/#/')
    await rejectAll(page)
    await nav(page, 'Stats').click()
    await nav(page, 'Video').click()
    await expect.poll(() => page.getByRole('button', { name: 'Load this content' }).isVisible()).toBe(true)
    await nav(page, 'Stats').click()
    await settle(page)
    expect(await evaluate(page, 'window.spaPageViews')).toBeUndefined()
    expect(requested('/script-tag/embed.html')).toBe(false)
    expect(errors).toEqual([])
  })
})

for (let framework of ['react', 'vue'] as const) {
  const counter = framework == 'react' ? 'window.reactPageViews' : 'window.vuePageViews'
  describe(framework, () => {
    it(`charto/${framework}: gated components render only after Accept all`, async () => {
      let page = await visit(`/examples/${framework}/`)
      await expect.poll(() => banner(page).isVisible()).toBe(true)
      expect(await page.locator('#state').textContent()).toBe('You have not chosen yet.')
      expect(await page.locator('#video-fallback').isVisible()).toBe(true)
      await settle(page)
      expect(await page.locator('iframe').count()).toBe(0)
      expect(await evaluate(page, counter)).toBeUndefined()
      expect(requested('/script-tag/embed.html')).toBe(false)

      await acceptAll(page)
      await expect.poll(() => page.locator('#state').textContent()).toBe('Decided (accept-all). Analytics on.')
      expect(await evaluate(page, counter)).toBe(1)
      await expect.poll(() => requested('/script-tag/embed.html')).toBe(true)
      expect(await page.locator('#video-fallback').count()).toBe(0)
      expect(await banner(page).count()).toBe(0)

      // Returning visit: rendered with consent straight away, no banner.
      await page.reload()
      await expect.poll(() => page.locator('#state').textContent()).toBe('Decided (accept-all). Analytics on.')
      expect(await evaluate(page, counter)).toBe(1)
      expect(await banner(page).count()).toBe(0)
      expect(errors).toEqual([])
    })

    it(`charto/${framework}: after Reject all, the fallback grants one service in place`, async () => {
      let page = await visit(`/examples/${framework}/`)
      await rejectAll(page)
      await expect.poll(() => page.locator('#state').textContent()).toBe('Decided (reject-all). Analytics off.')
      await page.getByRole('button', { name: 'Load the video' }).click()
      await expect.poll(() => requested('/script-tag/embed.html')).toBe(true)
      expect(await evaluate(page, counter)).toBeUndefined()
      expect(await page.locator('#state').textContent()).toMatch(/Analytics off/)
      expect(errors).toEqual([])
    })
  })
}

describe('server-rendered page', () => {
  let ssr: Server
  let origin: string
  beforeAll(async () => {
    ssr = createServer((req, res) => ssrHandle(req, res, { base: '/examples/ssr/' }))
    await new Promise<void>((resolve) => ssr.listen(0, '127.0.0.1', resolve))
    origin = `http://ssr.charto.test:${(ssr.address() as AddressInfo).port}`
  })
  afterAll(() => new Promise<void>((resolve) => ssr.close(() => resolve())))

  it('renders in Node with charto imported on the server: undecided, no consent-gated content live in the HTML', async () => {
    let html = await (await fetch(`http://127.0.0.1:${(ssr.address() as AddressInfo).port}/examples/ssr/`)).text()
    expect(html).toContain('consent <strong>undecided</strong> on the server')
    expect(html).toContain('<li><code>performance</code>: off</li>')
    // Every <script> is the config JSON, the script build, or held as text/plain; the iframe has no src.
    let scripts = html.match(/<script\b[^>]*>/g) || []
    expect(scripts.length).toBe(3)
    for (let tag of scripts) expect(tag).toMatch(/type="application\/json"|type="text\/plain"|src="\/examples\/ssr\/charto\.global\.js"/)
    expect(html).not.toMatch(/<iframe\b[^>]*\ssrc=/)
    expect(html).toMatch(/<iframe data-src="\/examples\/script-tag\/embed\.html" data-service="youtube"/)
    expect(typeof (globalThis as any).window).toBe('undefined')
  })

  it('in the browser the script build takes over: banner, then the gated content after Accept all', async () => {
    let page = await visit('/examples/ssr/', origin)
    await expect.poll(() => banner(page).isVisible()).toBe(true)
    await settle(page)
    expect(await evaluate(page, 'window.ssrAnalytics')).toBeUndefined()
    expect(await page.locator('iframe[title="Product video"]').getAttribute('src')).toBeNull()
    await acceptAll(page)
    await page.waitForFunction(() => (window as any).ssrAnalytics === true)
    await expect.poll(() => page.locator('iframe[title="Product video"]').getAttribute('src')).toBe('/examples/script-tag/embed.html')
    expect(errors).toEqual([])
  })

  it('a region from the server (?region=US-CA) gives the opt-out notice with the Do Not Sell link', async () => {
    let page = await visit('/examples/ssr/?region=US-CA', origin)
    await expect.poll(() => page.getByRole('button', { name: 'Do Not Sell or Share My Personal Information' }).isVisible()).toBe(true)
    expect(await page.locator('#server-state').textContent()).toContain('(opt-out)')
    expect(errors).toEqual([])
  })
})

describe('full script build', () => {
  const record = async (page: Page) => JSON.parse((await page.locator('#record').textContent()) || 'null')

  it('California is opt-out: the tag runs, the Do Not Sell link opts out in one step, and a record says so', async () => {
    let page = await visit('/examples/regions-and-records/?region=US-CA')
    await expect.poll(() => page.locator('#ads-state').textContent()).toBe('ran')
    await expect.poll(() => page.getByRole('button', { name: 'Do Not Sell or Share My Personal Information' }).isVisible()).toBe(true)
    await page.getByRole('link', { name: 'Do Not Sell or Share My Personal Information' }).click()
    await expect.poll(() => page.locator('#record').textContent()).toContain('"region"')
    expect(await record(page)).toMatchObject({ region: 'US-CA', categories: { marketing: false }, services: { ads: false } })
    expect(errors).toEqual([])
  })

  it('with Global Privacy Control in California, marketing is refused with no interaction and recorded as gpc', async () => {
    let context = await browser.newContext()
    contexts.push(context)
    await context.addInitScript(() => Object.defineProperty(navigator, 'globalPrivacyControl', { value: true }))
    let page = await context.newPage()
    await page.goto(server.origin() + '/examples/regions-and-records/?region=US-CA')
    await expect.poll(() => page.locator('#record').textContent()).toContain('"gpc"')
    expect(await record(page)).toMatchObject({ method: 'gpc', gpc: true, region: 'US-CA', categories: { marketing: false } })
    expect(await page.locator('#ads-state').textContent()).toBe('not run')
  })

  it('Germany is opt-in: nothing runs before Accept all, which the record then states', async () => {
    let page = await visit('/examples/regions-and-records/?region=DE')
    await expect.poll(() => banner(page).isVisible()).toBe(true)
    await settle(page)
    expect(await page.locator('#ads-state').textContent()).toBe('not run')
    await acceptAll(page)
    await expect.poll(() => page.locator('#ads-state').textContent()).toBe('ran')
    expect(await record(page)).toMatchObject({ method: 'accept-all', region: 'DE', categories: { marketing: true } })
  })
})

describe('npm run demo (scripts/serve.mjs)', () => {
  it('serves the examples on 127.0.0.1, redirects / to the index, renders the SSR page, stops cleanly on Ctrl-C', async () => {
    let child = spawn(process.execPath, [join(ROOT, 'scripts', 'serve.mjs')], { env: { ...process.env, PORT: '0' } })
    let output = ''
    child.stdout.on('data', (chunk) => (output += chunk))
    child.stderr.on('data', (chunk) => (output += chunk))
    let exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
    try {
      await expect.poll(() => output, { timeout: 20_000 }).toMatch(/http:\/\/127\.0\.0\.1:\d+\/examples\//)
      let url = output.match(/http:\/\/127\.0\.0\.1:\d+/)![0]
      let root = await fetch(url + '/', { redirect: 'manual' })
      expect(root.status).toBe(302)
      expect(root.headers.get('location')).toBe('/examples/')
      expect(await (await fetch(url + '/examples/')).text()).toContain('<h1>charto examples</h1>')
      expect(await (await fetch(url + '/examples/ssr/')).text()).toContain('consent <strong>undecided</strong> on the server')
      expect((await fetch(url + '/examples/react/bundle.js')).status).toBe(200)
      expect((await fetch(url + '/examples/missing.html')).status).toBe(404)
      child.kill('SIGINT')
      expect(await exited).toBe(0)
      expect(output).toContain('Stopping')
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL')
    }
  })
})
