// The one script tag: a loader that fetches its chunks (the dialog, the preferences centre, the record delivery, the
// clearing) beside it only when needed, pinned to the exact file it was built with, and failing closed when a chunk
// cannot be had.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { useBrowser } from './harness.js'

const suite = useBrowser()
const DIST = join(import.meta.dirname, '..', '..', 'dist')
const chunk = () => readdirSync(DIST).find((file) => /^charto\.dialog\.\w+\.js$/.test(file))!
const preferencesChunk = () => readdirSync(DIST).find((file) => /^charto\.preferences\.\w+\.js$/.test(file))!
const recordsChunk = () => readdirSync(DIST).find((file) => /^charto\.records\.\w+\.js$/.test(file))!
const clearChunk = () => readdirSync(DIST).find((file) => /^charto\.clear\.\w+\.js$/.test(file))!

const page = (head: string, body = '') =>
  `<!doctype html><html lang="en"><head><title>t</title>${head}</head><body><main><h1>Shop</h1>${body}</main>` +
  `<footer><a href="#" data-charto-open>Cookie settings</a></footer></body></html>`
const tag = (config = '{}', attrs = '') =>
  `<script type="application/json" id="charto-config">${config}</script><script src="/dist/charto.global.js"${attrs}></script>`
const marketing = `<script type="text/plain" data-category="marketing">window.ran = true</script>`
const scripts = (path: string) => suite.server.requests.filter((r) => r.path.startsWith(path)).length
/** The dialog control that has focus (looked for inside shadow roots): its data-charto-action. */
const focusedAction = (tab: Page) =>
  tab.evaluate(() => {
    let active: any = document.activeElement
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement
    return active?.dataset?.chartoAction
  })

it('a first visit answered from the banner fetches the loader and the dialog chunk, a returning visitor only the loader', async () => {
  suite.server.page('/first.html', page(tag(), marketing))
  let context = await suite.browser.newContext()
  let tab = await context.newPage()
  let before = { loader: scripts('/dist/charto.global.js'), dialog: scripts('/dist/' + chunk()) }
  await tab.goto(suite.server.origin() + '/first.html')
  await tab.getByRole('button', { name: 'Accept all' }).click()
  await tab.waitForFunction(() => (window as any).ran)
  expect([scripts('/dist/charto.global.js') - before.loader, scripts('/dist/' + chunk()) - before.dialog]).toEqual([1, 1])
  // Every file the first visit asked for: the page, the loader and the dialog chunk; not the preferences centre.
  let dist = suite.server.requests.filter((r) => r.path.startsWith('/dist/')).map((r) => r.path)
  expect(new Set(dist)).toEqual(new Set(['/dist/charto.global.js', '/dist/' + chunk()]))
  expect(scripts('/dist/' + preferencesChunk())).toBe(0)

  let dialogBefore = scripts('/dist/' + chunk())
  await tab.reload()
  await tab.waitForFunction(() => (window as any).ran)
  await tab.waitForTimeout(300)
  expect(scripts('/dist/' + chunk()) - dialogBefore).toBe(0)
  expect(await tab.locator('charto-ui').count()).toBe(0)
  // The settings link still opens the preferences: the dialog chunk comes then, and the preferences chunk once.
  await tab.getByRole('link', { name: 'Cookie settings' }).click()
  await tab.getByRole('dialog', { name: 'Cookie preferences' }).waitFor()
  expect(scripts('/dist/' + chunk()) - dialogBefore).toBe(1)
  expect(scripts('/dist/' + preferencesChunk())).toBe(1)
  // Focus moved into the preferences centre; Escape closes it and gives focus back to the link.
  expect(await focusedAction(tab)).toBe('close')
  await tab.keyboard.press('Escape')
  await tab.getByRole('dialog', { name: 'Cookie preferences' }).waitFor({ state: 'detached' })
  expect(await tab.evaluate(() => document.activeElement?.textContent)).toBe('Cookie settings')
  await tab.getByRole('link', { name: 'Cookie settings' }).click()
  await tab.getByRole('dialog', { name: 'Cookie preferences' }).waitFor()
  expect(scripts('/dist/' + preferencesChunk())).toBe(1)
  await context.close()
})

it("the preferences chunk is fetched when the banner's Preferences button is about to be used, before the click", async () => {
  suite.server.page('/intent.html', page(tag(), marketing))
  let context = await suite.browser.newContext()
  let tab = await context.newPage()
  let before = scripts('/dist/' + preferencesChunk())
  await tab.goto(suite.server.origin() + '/intent.html')
  let preferences = tab.getByRole('button', { name: 'Preferences' })
  await preferences.hover()
  await expect.poll(() => scripts('/dist/' + preferencesChunk()) - before).toBe(1)
  await preferences.click()
  await tab.getByRole('dialog', { name: 'Cookie preferences' }).waitFor()
  expect(await focusedAction(tab)).toBe('close')
  // Escape goes back to the banner, focus on its Preferences button; nothing was decided.
  await tab.keyboard.press('Escape')
  expect(await focusedAction(tab)).toBe('preferences')
  expect(await tab.evaluate(() => (window as any).Charto.instance.getConsent().decided)).toBe(false)
  expect(scripts('/dist/' + preferencesChunk()) - before).toBe(1)
  await context.close()
})

/** The ways a chunk can fail to load: each must fail closed. */
const BREAKAGES = [
  ['is missing (404)', (_file: string) => ({ status: 404, body: '' })],
  ['fails its integrity check', (file: string) => ({ status: 200, body: readFileSync(join(DIST, file), 'utf8') + '\n;window.tampered = true' })]
] as const

/**
 * The loader and all its chunks in a folder of their own (`path`), so that one chunk can be broken without touching
 * dist/: `file` is answered with `answer` (by default a 404) until the returned function is called.
 */
function serveBroken(path: string, file: string, answer: (file: string) => { status: number; body: string } = BREAKAGES[0][1]) {
  let broken = true
  for (let served of ['charto.global.js', chunk(), preferencesChunk(), recordsChunk(), clearChunk()]) {
    suite.server.route(path + served, (_req, res) => {
      let { status, body } = broken && served == file ? answer(file) : { status: 200, body: readFileSync(join(DIST, served), 'utf8') }
      res.writeHead(status, { 'content-type': 'text/javascript' }).end(body)
    })
  }
  return () => (broken = false)
}

/** serveBroken, with a page at `path` that loads the loader from there and collects its `error` events. */
function servedWithBroken(path: string, file: string, answer: (file: string) => { status: number; body: string }) {
  let repair = serveBroken(path, file, answer)
  suite.server.page(
    path + 'index.html',
    page(
      `<script>addEventListener('charto:error', (event) => (window.errors = window.errors || []).push(String(event.detail && event.detail.message)))</script>` +
        `<script type="application/json" id="charto-config">{}</script><script src="${path}charto.global.js"></script>`,
      marketing + `<button id="own" onclick="window.clicked = true">The page's own button</button>`
    )
  )
  return repair
}

for (let [name, answer] of BREAKAGES) {
  it(`a dialog chunk that ${name} grants nothing, reports an error, and the page keeps working`, async () => {
    let path = `/broken-${name.length}/`
    let repair = servedWithBroken(path, chunk(), answer)
    let tab = await suite.browser.newPage()
    await tab.goto(suite.server.origin() + path + 'index.html')
    await tab.waitForFunction(() => (window as any).errors?.length)
    expect(await tab.evaluate(() => (window as any).errors[0])).toContain(chunk())
    expect(await tab.evaluate(() => [(window as any).ran, (window as any).tampered, (window as any).Charto.instance.getConsent().decided])).toEqual([
      undefined,
      undefined,
      false
    ])
    await tab.click('#own')
    expect(await tab.evaluate(() => (window as any).clicked)).toBe(true)
    // Once the chunk can be had, the next reason to show the dialog tries again, and the decision can be made.
    repair()
    await tab.getByRole('link', { name: 'Cookie settings' }).click()
    await tab.getByRole('dialog', { name: 'Cookie preferences' }).getByRole('button', { name: 'Accept all' }).click()
    await tab.waitForFunction(() => (window as any).ran)
    await tab.close()
  })

  it(`a preferences chunk that ${name} grants nothing, reports one error, leaves the banner working, and the next click opens it`, async () => {
    let path = `/broken-preferences-${name.length}/`
    let repair = servedWithBroken(path, preferencesChunk(), answer)
    let tab = await suite.browser.newPage()
    await tab.goto(suite.server.origin() + path + 'index.html')
    let banner = tab.getByRole('region', { name: 'We value your privacy' })
    await banner.getByRole('button', { name: 'Preferences' }).click()
    await tab.waitForFunction(() => (window as any).errors?.length)
    expect(await tab.evaluate(() => (window as any).errors)).toEqual([expect.stringContaining(preferencesChunk())])
    // Nothing granted, nothing run; the banner is as it was, and focus stayed on its Preferences button.
    expect(await tab.evaluate(() => [(window as any).ran, (window as any).tampered, (window as any).Charto.instance.getConsent().decided])).toEqual([
      undefined,
      undefined,
      false
    ])
    expect(await banner.isVisible()).toBe(true)
    expect(await tab.getByRole('dialog').count()).toBe(0)
    expect(await focusedAction(tab)).toBe('preferences')
    await tab.click('#own')
    expect(await tab.evaluate(() => (window as any).clicked)).toBe(true)
    // Once the chunk can be had, the next click opens the preferences centre, styled, with focus in it.
    repair()
    await banner.getByRole('button', { name: 'Preferences' }).click()
    let preferences = tab.getByRole('dialog', { name: 'Cookie preferences' })
    await preferences.waitFor()
    expect(await focusedAction(tab)).toBe('close')
    expect(await preferences.getByRole('switch').first().evaluate((input) => getComputedStyle(input).appearance)).toBe('none')
    expect(await tab.evaluate(() => (window as any).errors)).toHaveLength(1)
    // Escape goes back to the banner, whose buttons still decide.
    await tab.keyboard.press('Escape')
    await banner.getByRole('button', { name: 'Accept all' }).click()
    await tab.waitForFunction(() => (window as any).ran)
    expect(await tab.evaluate(() => (window as any).tampered)).toBeUndefined()
    await tab.close()
  })
}

it('a settings link on a returning visit fetches the preferences chunk beside the dialog chunk, not after it', async () => {
  let path = '/parallel/'
  let times: Record<string, number> = {}
  for (let served of ['charto.global.js', chunk(), preferencesChunk()]) {
    suite.server.route(path + served, (_req, res) => {
      times[served + ' asked'] = Date.now()
      // The dialog chunk takes a while: the preferences chunk must not wait for it.
      setTimeout(() => res.writeHead(200, { 'content-type': 'text/javascript' }).end(readFileSync(join(DIST, served))), served == chunk() ? 400 : 0)
    })
  }
  suite.server.page(path + 'index.html', page(`<script type="application/json" id="charto-config">{}</script><script src="${path}charto.global.js"></script>`, marketing))
  let context = await suite.browser.newContext()
  let tab = await context.newPage()
  await tab.goto(suite.server.origin() + path + 'index.html')
  await tab.getByRole('button', { name: 'Reject all' }).click()
  times = {}
  await tab.reload()
  await tab.waitForTimeout(200)
  expect(times[chunk() + ' asked']).toBeUndefined()
  await tab.getByRole('link', { name: 'Cookie settings' }).click()
  await tab.getByRole('dialog', { name: 'Cookie preferences' }).waitFor()
  expect(times[preferencesChunk() + ' asked'] - times[chunk() + ' asked']).toBeLessThan(300)
  expect(suite.server.hits(path + preferencesChunk())).toHaveLength(1)
  expect(await focusedAction(tab)).toBe('close')
  await context.close()
})

it('a preferences chunk that fails on a returning visit reports one error, and the next click on the settings link opens it', async () => {
  let path = '/broken-preferences-returning/'
  let repair = servedWithBroken(path, preferencesChunk(), BREAKAGES[0][1])
  let context = await suite.browser.newContext()
  let tab = await context.newPage()
  await tab.goto(suite.server.origin() + path + 'index.html')
  await tab.getByRole('button', { name: 'Reject all' }).click()
  await tab.reload()
  await tab.getByRole('link', { name: 'Cookie settings' }).click()
  await tab.waitForFunction(() => (window as any).errors?.length)
  await tab.waitForTimeout(300)
  expect(await tab.evaluate(() => (window as any).errors)).toEqual([expect.stringContaining(preferencesChunk())])
  expect(await tab.getByRole('dialog').count()).toBe(0)
  expect(await tab.evaluate(() => (window as any).Charto.instance.getConsent().method)).toBe('reject-all')
  repair()
  await tab.getByRole('link', { name: 'Cookie settings' }).click()
  await tab.getByRole('dialog', { name: 'Cookie preferences' }).waitFor()
  expect(await tab.evaluate(() => (window as any).errors)).toHaveLength(1)
  await context.close()
})

for (let [name, csp] of [
  ['a nonce', "default-src 'self'; script-src 'nonce-r4nd0m'; style-src 'self'"],
  ["a nonce and 'strict-dynamic'", "default-src 'self'; script-src 'nonce-r4nd0m' 'strict-dynamic'; style-src 'self'"]
]) {
  it(`the dialog and preferences chunks load under a strict CSP with ${name}`, async () => {
    let path = `/csp-${name.length}.html`
    suite.server.page(path, page(tag('{}', ' nonce="r4nd0m"')), { 'content-security-policy': csp })
    let tab = await suite.browser.newPage()
    let violations: string[] = []
    tab.on('console', (message) => /Content Security Policy/.test(message.text()) && violations.push(message.text()))
    await tab.goto(suite.server.origin() + path)
    await tab.getByRole('button', { name: 'Preferences' }).click()
    let preferences = tab.getByRole('dialog', { name: 'Cookie preferences' })
    // Styled by its own stylesheet, which came with the chunk: the switches are drawn by charto, not the browser.
    expect(await preferences.getByRole('switch').first().evaluate((input) => getComputedStyle(input).appearance)).toBe('none')
    await preferences.getByRole('button', { name: 'Reject all' }).click()
    expect(await tab.evaluate(() => (window as any).Charto.instance.getConsent().decided)).toBe(true)
    expect(violations).toEqual([])
    await tab.close()
  })
}

it('an inline copy of the loader, which cannot know where its chunk is, reports it and grants nothing', async () => {
  let loader = readFileSync(join(DIST, 'charto.global.js'), 'utf8')
  suite.server.page(
    '/inline.html',
    page(
      `<script>addEventListener('charto:error', (event) => (window.errors = window.errors || []).push(String(event.detail && event.detail.message)))</script>` +
        `<script type="application/json" id="charto-config">{}</script><script>${loader}</script>`,
      marketing
    )
  )
  let tab = await suite.browser.newPage()
  await tab.goto(suite.server.origin() + '/inline.html')
  await tab.waitForFunction(() => (window as any).errors?.length)
  expect(await tab.evaluate(() => (window as any).errors[0])).toContain('charto.single-file.global.js')
  expect(await tab.evaluate(() => (window as any).ran)).toBeUndefined()
  await tab.close()
})

it('records: a returning visitor with nothing queued fetches no records chunk; a decision fetches it and delivers', async () => {
  let config = JSON.stringify({ records: { endpoint: '/consent-records-a' } })
  suite.server.page('/records.html', page(tag(config), marketing))
  let context = await suite.browser.newContext()
  let tab = await context.newPage()
  await tab.goto(suite.server.origin() + '/records.html')
  await tab.getByRole('button', { name: 'Accept all' }).waitFor()
  // Undecided: no record to send, so no delivery code yet.
  expect(scripts('/dist/' + recordsChunk())).toBe(0)
  await tab.getByRole('button', { name: 'Accept all' }).click()
  await expect.poll(() => suite.server.hits('/consent-records-a').length).toBe(1)
  expect(scripts('/dist/' + recordsChunk())).toBe(1)
  let record = JSON.parse(suite.server.hits('/consent-records-a')[0].body)
  expect(record).toMatchObject({ method: 'accept-all', configHash: expect.stringMatching(/^[0-9a-f]{64}$/) })
  // The record stays queued until its answer is in: then nothing waits.
  await expect.poll(() => tab.evaluate(() => localStorage.getItem('charto:records'))).toBeNull()

  await tab.reload()
  await tab.waitForFunction(() => (window as any).ran)
  await tab.waitForTimeout(300)
  expect(scripts('/dist/' + recordsChunk())).toBe(1)
  expect(suite.server.hits('/consent-records-a')).toHaveLength(1)
  await context.close()
})

it('records: a records chunk that fails to load reports an error and keeps the record queued for the next page', async () => {
  let path = '/records-broken/'
  let repair = serveBroken(path, recordsChunk())
  let config = JSON.stringify({ records: { endpoint: '/consent-records-b' } })
  suite.server.page(
    path + 'index.html',
    page(
      `<script>addEventListener('charto:error', (event) => (window.errors = window.errors || []).push(String(event.detail && event.detail.message)))</script>` +
        `<script type="application/json" id="charto-config">${config}</script><script src="${path}charto.global.js"></script>`,
      marketing
    )
  )
  let context = await suite.browser.newContext()
  let tab = await context.newPage()
  await tab.goto(suite.server.origin() + path + 'index.html')
  await tab.getByRole('button', { name: 'Reject all' }).click()
  await tab.waitForFunction(() => (window as any).errors?.length)
  expect(await tab.evaluate(() => (window as any).errors[0])).toContain(recordsChunk())
  // The decision holds; its record waits for the next page.
  expect(await tab.evaluate(() => [(window as any).Charto.instance.getConsent().method, (window as any).ran])).toEqual(['reject-all', undefined])
  let queued = await tab.evaluate(() => JSON.parse(localStorage.getItem('charto:records') || '[]'))
  expect(queued).toHaveLength(1)
  // As the decision was made: the records chunk of the next page makes its record.
  expect(queued[0][0]).toMatchObject({ consent: { method: 'reject-all' }, url: suite.server.origin() + path + 'index.html', lang: 'en' })
  expect(suite.server.hits('/consent-records-b')).toHaveLength(0)

  repair()
  await tab.reload()
  await expect.poll(() => suite.server.hits('/consent-records-b').length).toBe(1)
  let record = JSON.parse(suite.server.hits('/consent-records-b')[0].body)
  expect(record).toMatchObject({ method: 'reject-all', configHash: expect.stringMatching(/^[0-9a-f]{64}$/) })
  await expect.poll(() => tab.evaluate(() => localStorage.getItem('charto:records'))).toBeNull()
  await context.close()
})

const statistics = JSON.stringify({ categories: { performance: { cookies: ['/^_ga/'], storage: ['stats:visits'] } } })
const setsStatistics = `<script type="text/plain" data-category="performance">document.cookie = '_ga=GA1.1; path=/'; localStorage.setItem('stats:visits', '1')</script>`

it('clearing: a returning visit fetches no clearing chunk; a withdrawal fetches it and clears', async () => {
  suite.server.page('/clearing.html', page(tag(statistics), setsStatistics))
  let context = await suite.browser.newContext()
  let tab = await context.newPage()
  await tab.goto(suite.server.origin() + '/clearing.html')
  await tab.getByRole('button', { name: 'Accept all' }).click()
  await tab.waitForFunction(() => document.cookie.includes('_ga=') && localStorage.getItem('stats:visits'))
  // Nothing refused: nothing to clear.
  expect(scripts('/dist/' + clearChunk())).toBe(0)
  await tab.reload()
  await tab.waitForFunction(() => (window as any).Charto.instance.getConsent().decided)
  await tab.waitForTimeout(300)
  expect(scripts('/dist/' + clearChunk())).toBe(0)

  await tab.evaluate(() => {
    ;(window as any).cleared = new Promise((resolve) => addEventListener('charto:cleared', (event: any) => resolve(event.detail), { once: true }))
    ;(window as any).Charto.instance.rejectAll()
  })
  expect(await tab.evaluate(() => (window as any).cleared)).toEqual({ removed: expect.arrayContaining(['_ga', 'stats:visits']), failed: [] })
  expect(await tab.evaluate(() => [document.cookie.includes('_ga='), localStorage.getItem('stats:visits')])).toEqual([false, null])
  expect(scripts('/dist/' + clearChunk())).toBe(1)
  // A second withdrawal uses the chunk it has (the statistics script ran once on this page: its cookie is set here).
  await tab.evaluate(() => {
    ;(window as any).Charto.instance.acceptAll()
    document.cookie = '_ga=GA1.2; path=/'
    ;(window as any).Charto.instance.rejectAll()
  })
  await tab.waitForFunction(() => !document.cookie.includes('_ga='))
  expect(scripts('/dist/' + clearChunk())).toBe(1)
  await context.close()
})

it('clearing: a clearing chunk that is missing reports one error, grants nothing, still reloads, and a later withdrawal clears', async () => {
  let path = '/clearing-broken/'
  let repair = serveBroken(path, clearChunk())
  let config = JSON.stringify({ ...JSON.parse(statistics), reloadOnRevoke: true })
  suite.server.page(
    path + 'index.html',
    page(
      `<script>addEventListener('charto:error', (event) => sessionStorage.setItem('errors', (sessionStorage.getItem('errors') || '') + event.detail.message + ';'))</script>` +
        `<script type="application/json" id="charto-config">${config}</script><script src="${path}charto.global.js"></script>`,
      setsStatistics + `<button id="buy" onclick="window.bought = true">Buy</button>`
    )
  )
  let context = await suite.browser.newContext()
  let tab = await context.newPage()
  await tab.goto(suite.server.origin() + path + 'index.html')
  await tab.getByRole('button', { name: 'Accept all' }).click()
  await tab.waitForFunction(() => document.cookie.includes('_ga='))
  // The withdrawal is stored; the clearing cannot be had: one error, and the page reloads all the same.
  await Promise.all([tab.waitForEvent('load'), tab.evaluate(() => (window as any).Charto.instance.rejectAll())])
  let errors = (await tab.evaluate(() => sessionStorage.getItem('errors')))!.split(';').filter(Boolean)
  expect(errors).toHaveLength(1)
  expect(errors[0]).toContain(clearChunk())
  expect(await tab.evaluate(() => [(window as any).Charto.instance.getConsent().categories.performance, localStorage.getItem('stats:visits') == '1'])).toEqual([false, true])
  await tab.locator('#buy').click()
  expect(await tab.evaluate(() => (window as any).bought)).toBe(true)

  // Once the chunk can be had, the next withdrawal clears what the first one left.
  repair()
  await tab.evaluate(() => (window as any).Charto.instance.acceptAll())
  await tab.waitForFunction(() => document.cookie.includes('_ga='))
  await Promise.all([tab.waitForEvent('load'), tab.evaluate(() => (window as any).Charto.instance.rejectAll())])
  expect(await tab.evaluate(() => [document.cookie.includes('_ga='), localStorage.getItem('stats:visits')])).toEqual([false, null])
  expect(await tab.evaluate(() => sessionStorage.getItem('errors')!.split(';').filter(Boolean))).toHaveLength(1)
  await context.close()
})

/** The loader and its chunks in a folder of their own, served with `headers`. */
const servedIn = (path: string, headers: Record<string, string>) => {
  for (let file of ['charto.global.js', chunk(), preferencesChunk(), clearChunk()]) {
    suite.server.route(path + file, (_req, res) => res.writeHead(200, { 'content-type': 'text/javascript', ...headers }).end(readFileSync(join(DIST, file))))
  }
}

/** Served as a CDN serves them: readable from any origin. */
const servedForAnyOrigin = (path: string) => servedIn(path, { 'access-control-allow-origin': '*' })

/**
 * Opens `<prefix>host.html`, whose frame (`<prefix>frame.html`, sandboxed without allow-same-origin) runs `frame` and
 * posts a report to it. Returns that report and the page errors (in-page listeners miss them in a sandboxed frame:
 * there the script's own errors are muted).
 */
async function reportFromSandboxedFrame(prefix: string, frame: string) {
  suite.server.page(prefix + 'frame.html', page(frame))
  suite.server.page(
    prefix + 'host.html',
    `<!doctype html><title>host</title><script>window.report = new Promise((resolve) => addEventListener('message', (e) => resolve(e.data)))</script>` +
      `<iframe sandbox="allow-scripts" src="${prefix}frame.html"></iframe>`
  )
  let tab = await suite.browser.newPage()
  let uncaught: string[] = []
  tab.on('pageerror', (error) => uncaught.push(error.message))
  await tab.goto(suite.server.origin() + prefix + 'host.html')
  let report = await tab.evaluate(() => (window as any).report)
  await tab.close()
  return { report, uncaught }
}

it('in a frame sandboxed without allow-same-origin, the loader and its chunk decide without an uncaught exception; one error reports it', async () => {
  // The frame's origin is opaque: the chunk is fetched across origins, and `document.cookie` throws a SecurityError.
  servedForAnyOrigin('/sandboxed/')
  let { report, uncaught } = await reportFromSandboxedFrame(
    '/sandboxed/',
    `<script>window.events = []; for (let name of ['change', 'cleared', 'error']) addEventListener('charto:' + name, () => events.push(name))</script>` +
      `<script type="application/json" id="charto-config">{ "categories": { "marketing": { "cookies": ["_ads"] } } }</script>` +
      `<script src="/sandboxed/charto.global.js"></script>` +
      `<script>(async () => {
        let consent = Charto.instance
        // The banner comes with the dialog chunk.
        let banner = () => document.querySelector('charto-ui')?.shadowRoot?.querySelector('[part~=banner]')
        for (let waited = 0; !banner() && waited < 5000; waited += 50) await new Promise((resolve) => setTimeout(resolve, 50))
        let shown = !!banner()
        let calls = {
          show: () => consent.show(),
          acceptAll: () => consent.acceptAll(),
          rejectAll: () => consent.rejectAll(),
          showPreferences: () => consent.showPreferences(),
          hide: () => consent.hide(),
          reset: () => consent.reset(),
          again: () => consent.acceptAll(),
          setLanguage: () => consent.setLanguage('auto')
        }
        let thrown = Object.keys(calls).flatMap((name) => { try { calls[name](); return [] } catch (error) { return [name + ': ' + error] } })
        await new Promise((resolve) => setTimeout(resolve, 500))
        parent.postMessage({ shown, thrown, events, method: consent.getConsent().method }, '*')
      })()</script>`
  )
  expect(report.shown).toBe(true)
  expect(report.thrown).toEqual([])
  expect(uncaught).toEqual([])
  expect(report.events.filter((name: string) => name == 'error')).toHaveLength(1)
  expect(report.method).toBe('accept-all')
  expect(suite.server.hits('/sandboxed/' + chunk())).toHaveLength(1)
})

it('in a frame sandboxed without allow-same-origin, a chunk served without Access-Control-Allow-Origin fails closed (docs/script-tag.md)', async () => {
  // Same server, but the frame's origin is opaque: the chunk's CORS-mode request is refused without the header.
  servedIn('/sandboxed-no-cors/', {})
  let { report, uncaught } = await reportFromSandboxedFrame(
    '/sandboxed-no-cors/',
    `<script>window.errors = []; addEventListener('charto:error', (event) => errors.push(String(event.detail && event.detail.message)))</script>` +
      `<script type="application/json" id="charto-config">{}</script>` +
      `<script src="/sandboxed-no-cors/charto.global.js"></script>` +
      `<script>(async () => {
        for (let waited = 0; !errors.some((message) => message.includes('charto.dialog')) && waited < 5000; waited += 50) await new Promise((resolve) => setTimeout(resolve, 50))
        let shown = !!document.querySelector('charto-ui')?.shadowRoot?.querySelector('[part~=banner]')
        parent.postMessage({ shown, errors, decided: Charto.instance.getConsent().decided }, '*')
      })()</script>`
  )
  expect(report.shown).toBe(false)
  expect(report.decided).toBe(false)
  expect(report.errors.filter((message: string) => message.includes(chunk()))).toHaveLength(1)
  expect(uncaught).toEqual([])
  expect(suite.server.hits('/sandboxed-no-cors/' + chunk())).toHaveLength(1)
})

it("under require-trusted-types-for 'script', the loader fetches its chunks through the charto policy: banner, preferences, accept, no violation", async () => {
  let csp = "default-src 'self'; script-src 'nonce-r4nd0m'; style-src 'self'; require-trusted-types-for 'script'; trusted-types charto"
  suite.server.page(
    '/trusted-types.html',
    page(
      `<script nonce="r4nd0m">window.violations = []; addEventListener('securitypolicyviolation', (event) => violations.push(event.violatedDirective + ' ' + event.blockedURI + ' ' + event.sample))</script>` +
        tag('{}', ' nonce="r4nd0m"'),
      `<script type="text/plain" data-category="marketing" nonce="r4nd0m">window.ran = true</script>`
    ),
    { 'content-security-policy': csp }
  )
  let tab = await suite.browser.newPage()
  let before = scripts('/dist/' + chunk())
  await tab.goto(suite.server.origin() + '/trusted-types.html')
  expect(await tab.evaluate(() => (window as any).trustedTypes.defaultPolicy)).toBe(null)
  let preferencesBefore = scripts('/dist/' + preferencesChunk())
  await tab.getByRole('button', { name: 'Preferences' }).click()
  await tab.getByRole('dialog', { name: 'Cookie preferences' }).getByRole('button', { name: 'Accept all' }).click()
  await tab.waitForFunction(() => (window as any).ran)
  expect(scripts('/dist/' + chunk()) - before).toBe(1)
  expect(scripts('/dist/' + preferencesChunk()) - preferencesBefore).toBe(1)
  expect(await tab.evaluate(() => (window as any).Charto.instance.getConsent().method)).toBe('accept-all')
  expect(await tab.evaluate(() => (window as any).violations)).toEqual([])
  await tab.close()
})

it('leaves nothing on window but Charto and its chunks: no file leaks its variables into the page', async () => {
  // A page that has its own globals with the short names a minifier gives (e, t, r): charto must not touch them.
  let config = JSON.stringify({ records: { endpoint: '/consent-records-globals' } })
  let ownGlobals = `<script>window.e = 'site'; window.t = 'site'; window.r = 'site'; window.before = Object.keys(window)</script>`
  suite.server.page('/globals.html', page(ownGlobals + tag(config) + '<script src="/dist/wordpress.global.js"></script><script src="/dist/shopify.global.js"></script>', marketing))
  let tab = await suite.browser.newPage()
  await tab.goto(suite.server.origin() + '/globals.html')
  await tab.getByRole('button', { name: 'Accept all' }).click()
  await tab.waitForFunction(() => (window as any).ran)
  await expect.poll(() => suite.server.hits('/consent-records-globals').length).toBe(1)
  let added = await tab.evaluate(() => Object.keys(window).filter((key) => !(window as any).before.includes(key)))
  expect(added.filter((key) => !['before', 'Charto', 'chartoDialog', 'chartoRecords', 'chartoClear', 'chartoPreferences', 'ran', 'dataLayer', 'wp_consent_type'].includes(key))).toEqual([])
  expect(await tab.evaluate(() => [(window as any).e, (window as any).t, (window as any).r])).toEqual(['site', 'site', 'site'])
  await tab.close()
})
