// Adversarial review of the gating (issue 10), in real Chromium: each test is an attack or a failure the review found,
// and proves "nothing loads" from the server's request log, "nothing runs" from what scripts record.
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { join } from 'node:path'
import { build } from 'esbuild'
import type { Page } from 'playwright-core'
import { useBrowser } from './harness.js'

const ROOT = join(import.meta.dirname, '..', '..')
let suite = useBrowser()
let tracker = () => suite.server.origin('tracker.test')
let trackerHits = (part = '') => suite.server.requests.filter((r) => r.host == 'tracker.test' && r.path.includes(part))

/** Serves a source entry as one classic script, as the script-tag build would be. */
let serveBundle = async (path: string, entry: string, globalName?: string) => {
  let bundle = await build({ entryPoints: [join(ROOT, entry)], bundle: true, format: 'iife', globalName, write: false, logLevel: 'silent' })
  let code = bundle.outputFiles[0].text
  suite.server.route(path, (_req, res) => res.writeHead(200, { 'content-type': 'text/javascript' }).end(code))
}

beforeAll(async () => {
  // The core and the blocker (window.Charto.createConsent, .blocker), and the whole script-tag build with the dialog.
  await serveBundle('/charto-blocker.js', 'test/browser/fixtures/blocker-entry.ts')
  // src/browser.ts assigns window.Charto itself: no globalName wrapper (it would overwrite it with undefined).
  await serveBundle('/charto.global.js', 'src/browser.ts')
  let { server } = suite
  let script = (body: string) => (_req: any, res: any) => res.writeHead(200, { 'content-type': 'text/javascript' }).end(body)
  server.route('/gadget.js', script('log.push("gadget.js")'))
  server.route('/svg-href.js', script('log.push("svg-href.js")'))
  server.route('/svg-xlink.js', script('log.push("svg-xlink.js")'))
  server.route('/parsed.js', script('log.push("parsed.js")'))
  // A document that keeps working while it is loaded: each tick is a request, so the log shows whether it still runs.
  for (let name of ['alive-object', 'alive-embed', 'alive-nested']) {
    server.route(`/${name}.html`, (_req, res) =>
      res
        .writeHead(200, { 'content-type': 'text/html' })
        .end(`<!doctype html><title>${name}</title><script>setInterval(() => fetch('/${name}-tick?' + Math.random()), 40)</script>`)
    )
  }
  server.route('/frame.html', (_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>frame</title><p>frame'))
})

/** A page that loads the core and the blocker with nonce abc, then runs `init` (log, events, errors recorded), then the body. */
let html = (init: string, body = '', head = '') => `<!doctype html><html lang="en"><head><title>attacks</title>
<script nonce="abc" src="/charto-blocker.js"></script>
<script nonce="abc">
  window.log = []; window.violations = []; window.errors = []; window.events = []
  document.addEventListener('securitypolicyviolation', (e) => violations.push(e.violatedDirective))
  addEventListener('charto:error', (e) => errors.push(String(e.detail && e.detail.message)))
  for (let name of ['blocked', 'unblocked']) addEventListener('charto:' + name, (e) => events.push(name))
  ${init}
</script>${head}</head><body>${body}</body></html>`

// Closed after each test, passed or failed, so that no frame of one test keeps requesting during the next.
let pages: Page[] = []
afterEach(async () => {
  await Promise.all(pages.map((page) => page.close()))
  pages = []
})
let open = async (path: string) => {
  let page = await suite.browser.newPage()
  pages.push(page)
  let errors: string[] = []
  page.on('pageerror', (error) => errors.push(error.message))
  await page.goto(suite.server.origin() + path)
  return Object.assign(page, { errors })
}
let read = (page: Page, name: string) => page.evaluate((name) => (window as any)[name] as string[], name)
let settle = (page: Page, ms = 300) => page.waitForTimeout(ms)

describe('nested gates: an element is released only when every gate on its path allows it', () => {
  it('a marketing <picture> inside a necessary <div> loads nothing for an undecided visitor, and loads once marketing is granted', async () => {
    suite.server.requests.length = 0
    suite.server.page(
      '/gate/picture.html',
      html(
        `window.m = Charto.createConsent({}, [Charto.blocker])`,
        `<div data-category="necessary"><picture data-category="marketing">
           <source data-srcset="${tracker()}/nested-source.png" media="(min-width: 1px)" type="image/png">
           <img data-src="${tracker()}/nested-img.png" alt=""></picture>
           <script type="text/plain" data-category="necessary" nonce="abc">log.push('necessary')</script></div>
         <div data-category="marketing"><script type="text/plain" data-category="necessary" nonce="abc">log.push('necessary inside marketing')</script></div>`
      )
    )
    let page = await open('/gate/picture.html')
    await settle(page)
    expect(trackerHits().map((r) => r.path)).toEqual([])
    expect(await read(page, 'log')).toEqual(['necessary'])
    await page.evaluate(() => (window as any).m.acceptAll())
    await expect.poll(() => trackerHits('nested-').length, { timeout: 10_000 }).toBe(1)
    await expect.poll(() => read(page, 'log'), { timeout: 10_000 }).toEqual(['necessary', 'necessary inside marketing'])
  })

  it('an SPA route: <iframe data-src> in a refused service inside an allowed "!marketing" section stays empty', async () => {
    suite.server.requests.length = 0
    suite.server.page(
      '/gate/spa.html',
      html(`window.m = Charto.createConsent({ services: { youtube: { category: 'functional' } } }, [Charto.blocker])`, '<main></main>')
    )
    let page = await open('/gate/spa.html')
    await page.evaluate((origin) => {
      document.querySelector('main')!.innerHTML = `<section data-category="!marketing"><div data-service="youtube">
        <iframe data-src="${origin}/frame.html?spa" title="video"></iframe></div></section>`
    }, tracker())
    await settle(page)
    expect(trackerHits().map((r) => r.path)).toEqual([])
    // The service alone is granted: every gate on the path allows it now.
    await page.evaluate(() => (window as any).m.setConsent({ youtube: true }))
    await expect.poll(() => trackerHits('frame.html?spa').length, { timeout: 10_000 }).toBe(1)
  })

  it('granting only functional loads nothing held by a marketing service inside a functional container', async () => {
    suite.server.requests.length = 0
    suite.server.page(
      '/gate/service.html',
      html(
        `window.m = Charto.createConsent({ services: { yt: { category: 'marketing' } } }, [Charto.blocker])`,
        `<div data-category="functional"><div data-service="yt"><img data-src="${tracker()}/yt-thumb.png" alt=""></div>
         <img data-src="${tracker()}/functional.png" alt=""></div>`
      )
    )
    let page = await open('/gate/service.html')
    await page.evaluate(() => (window as any).m.setConsent({ functional: true }))
    await expect.poll(() => trackerHits('functional.png').length, { timeout: 10_000 }).toBe(1)
    await settle(page)
    expect(trackerHits('yt-thumb')).toEqual([])
  })
})

describe('revival never gives a script more power than the page gave it', () => {
  let gadget = (body: string) => `${body}
    <script type="text/plain" data-category="necessary">log.push('gadget inline')</script>
    <script type="text/plain" data-category="!marketing" src="${tracker()}/gadget.js"></script>
    <script>log.push('plain injected')</script>
    <script type="text/plain" data-category="necessary" nonce="abc">log.push('own held script')</script>`

  for (let [name, csp] of [
    ['strict-dynamic', "script-src 'nonce-abc' 'strict-dynamic'"],
    ['strict-dynamic and Trusted Types', "script-src 'nonce-abc' 'strict-dynamic'; require-trusted-types-for 'script'; trusted-types charto"]
  ]) {
    it(`${name}: injected nonce-less held markup stays inert for an undecided visitor, like a plain injected <script>`, async () => {
      suite.server.requests.length = 0
      suite.server.page(`/gate/gadget-${name.length}.html`, html(`window.m = Charto.createConsent({}, [Charto.blocker])`, gadget('')), {
        'content-security-policy': csp
      })
      let page = await open(`/gate/gadget-${name.length}.html`)
      await settle(page)
      expect(await read(page, 'log')).toEqual(['own held script'])
      expect(trackerHits().map((r) => r.path)).toEqual([])
      // Each one is reported once, and stays held on later decisions.
      expect(await read(page, 'errors')).toHaveLength(2)
      await page.evaluate(() => (window as any).m.rejectAll())
      await settle(page)
      expect(await read(page, 'errors')).toHaveLength(2)
      expect(await read(page, 'log')).toEqual(['own held script'])
      expect(trackerHits().map((r) => r.path)).toEqual([])
      })
  }

  it('an SPA injection of held markup (innerHTML from a trusted script) runs only with the nonce', async () => {
    suite.server.requests.length = 0
    suite.server.page('/gate/gadget-spa.html', html(`window.m = Charto.createConsent({}, [Charto.blocker])`, '<main></main>'), {
      'content-security-policy': "script-src 'nonce-abc' 'strict-dynamic'"
    })
    let page = await open('/gate/gadget-spa.html')
    await page.evaluate(
      (origin) =>
        (document.querySelector('main')!.innerHTML = `<script type="text/plain" data-category="!marketing" src="${origin}/gadget.js"></script>
          <script type="text/plain" data-category="necessary" nonce="abc">log.push('with nonce')</script>`),
      tracker()
    )
    await expect.poll(() => read(page, 'log'), { timeout: 10_000 }).toEqual(['with nonce'])
    await settle(page)
    expect(trackerHits().map((r) => r.path)).toEqual([])
    expect(await read(page, 'errors')).toHaveLength(1)
  })

  it('auto-block: a nonce-less tag in the HTML, held while parsed, is not run after consent under strict-dynamic', async () => {
    suite.server.requests.length = 0
    suite.server.page(
      '/gate/gadget-auto.html',
      html(
        `window.m = Charto.createConsent({ autoBlock: true, services: { ga4: { category: 'performance', scripts: ['tracker.test:*/parsed.js'] } } }, [Charto.blocker])`,
        `<script src="${tracker()}/parsed.js"></script><p>text</p>`
      ),
      { 'content-security-policy': "script-src 'nonce-abc' 'strict-dynamic'" }
    )
    let page = await open('/gate/gadget-auto.html')
    await page.evaluate(() => (window as any).m.acceptAll())
    await settle(page, 600)
    // The page never allowed it (its CSP blocks it as parsed): it is stopped, never released, and that is reported.
    expect(await read(page, 'log')).toEqual([])
    expect(await read(page, 'errors')).toEqual([expect.stringContaining('nonce')])
  })
})

describe('frames load for a returning visitor wherever charto sits', () => {
  for (let where of ['head', 'body']) {
    it(`charto in <${where}> (script-tag build): iframe, object and embed load after a reload`, async () => {
      suite.server.requests.length = 0
      let charto = `<script type="application/json" id="charto-config">{}</script><script src="/charto.global.js"></script>`
      suite.server.page(
        `/gate/returning-${where}.html`,
        `<!doctype html><html lang="en"><head><title>returning</title>${where == 'head' ? charto : ''}</head><body>
        ${where == 'body' ? charto : ''}<p>before</p>
        <iframe data-src="${tracker()}/frame.html?iframe-${where}" data-category="marketing" title="video"></iframe>
        <object data-src="${tracker()}/frame.html?object-${where}" type="text/html" data-category="marketing"></object>
        <embed data-src="${tracker()}/frame.html?embed-${where}" type="text/html" data-category="marketing">
        <p>after</p><a href="#" data-charto-open>Cookie settings</a></body></html>`
      )
      let page = await open(`/gate/returning-${where}.html`)
      await settle(page)
      expect(trackerHits().map((r) => r.path)).toEqual([])
      await page.evaluate(() => (window as any).Charto.instance.acceptAll())
      let counts = () => Object.fromEntries(['iframe', 'object', 'embed'].map((kind) => [kind, trackerHits(`${kind}-${where}`).length]))
      await expect.poll(counts, { timeout: 10_000 }).toEqual({ iframe: 1, object: 1, embed: 1 })
      await page.reload()
      await expect.poll(counts, { timeout: 10_000 }).toEqual({ iframe: 2, object: 2, embed: 2 })
      })
  }
})

describe('withdrawal unloads every document charto loaded', () => {
  it('object, embed, and an iframe inside a gated container stop running; a typed <object> granted on the page loads at once', async () => {
    suite.server.requests.length = 0
    suite.server.page(
      '/gate/withdraw.html',
      `<!doctype html><html lang="en"><head><title>withdraw</title>
      <script type="application/json" id="charto-config">{}</script><script src="/charto.global.js"></script></head><body>
      <object data-src="${tracker()}/alive-object.html" type="text/html" data-category="functional" width="100" height="50"></object>
      <embed data-src="${tracker()}/alive-embed.html" type="text/html" data-category="functional" width="100" height="50">
      <div data-category="functional"><iframe data-src="${tracker()}/alive-nested.html" title="map"></iframe></div>
      <a href="#" data-charto-open>Cookie settings</a></body></html>`
    )
    let page = await open('/gate/withdraw.html')
    await settle(page)
    expect(trackerHits().map((r) => r.path)).toEqual([])
    await page.evaluate(() => (window as any).Charto.instance.setConsent({ functional: true }))
    let names = ['alive-object', 'alive-embed', 'alive-nested']
    let count = (suffix: string) => Object.fromEntries(names.map((name) => [name, trackerHits(name + suffix).length]))
    let running = () => Object.fromEntries(names.map((name) => [name, trackerHits(`${name}-tick`).length > 2]))
    await expect.poll(running, { timeout: 10_000 }).toEqual({ 'alive-object': true, 'alive-embed': true, 'alive-nested': true })
    await page.evaluate(() => (window as any).Charto.instance.setConsent({ functional: false }))
    // A tick already on its way may still arrive; after that, a document still running would add one every 40 ms.
    await settle(page, 1000)
    let after = count('-tick')
    await settle(page, 1000)
    expect(count('-tick')).toEqual(after)
    expect(await page.evaluate(() => [...document.querySelectorAll('object,embed,iframe')].map((el) => [el.hasAttribute('src') || el.hasAttribute('data'), (el as HTMLElement).dataset.src!.split('/').pop()]))).toEqual([
      [false, 'alive-object.html'],
      [false, 'alive-embed.html'],
      [false, 'alive-nested.html']
    ])
    // Held again: granted again, each loads again.
    await page.evaluate(() => (window as any).Charto.instance.setConsent({ functional: true }))
    await expect.poll(() => count('.html'), { timeout: 10_000 }).toEqual({ 'alive-object': 2, 'alive-embed': 2, 'alive-nested': 2 })
  })
})

describe('Trusted Types without the "charto" policy allowed', () => {
  it('a config-loaded script that cannot load is reported, and the policy is tried once, not on every call', async () => {
    suite.server.requests.length = 0
    suite.server.page(
      '/gate/tt-refused.html',
      html(
        `window.m = Charto.createConsent({ services: { ga4: { category: 'performance', scripts: [{ src: '${tracker()}/gadget.js' }, { src: '${tracker()}/parsed.js' }] } } }, [Charto.blocker])`,
        `<script type="text/plain" data-category="performance" nonce="abc">log.push('one')</script>
         <script type="text/plain" data-category="performance" nonce="abc">log.push('two')</script>`
      ),
      { 'content-security-policy': "script-src 'nonce-abc' http://tracker.test:*; require-trusted-types-for 'script'; trusted-types page" }
    )
    let page = await open('/gate/tt-refused.html')
    await settle(page)
    // Both configured scripts are dropped before consent already: each says so.
    expect(await read(page, 'errors')).toEqual(Array(2).fill(expect.stringContaining('TrustedScriptURL')))
    await page.evaluate(() => (window as any).m.acceptAll())
    await settle(page)
    expect(await read(page, 'log')).toEqual([])
    expect(trackerHits().map((r) => r.path)).toEqual([])
    // The held ones cannot run either, and say so once each.
    expect((await read(page, 'errors')).slice(2)).toEqual(Array(2).fill(expect.stringContaining('TrustedScript')))
    expect((await read(page, 'violations')).filter((directive) => directive == 'trusted-types')).toHaveLength(1)
  })
})

describe('auto-block of SVG scripts', () => {
  it('an inline SVG <script href> or xlink:href to a blocked host does not run before consent, and runs once after', async () => {
    suite.server.requests.length = 0
    suite.server.page(
      '/gate/svg.html',
      html(
        `window.m = Charto.createConsent({ autoBlock: true, services: { ga4: { category: 'performance', scripts: ['tracker.test:*/svg-*'] } } }, [Charto.blocker])`,
        `<svg width="10" height="10"><script nonce="abc" href="${tracker()}/svg-href.js"></script></svg>
         <svg width="10" height="10" xmlns:xlink="http://www.w3.org/1999/xlink"><script nonce="abc" xlink:href="${tracker()}/svg-xlink.js"></script></svg><p>after</p>`
      )
    )
    let page = await open('/gate/svg.html')
    await settle(page)
    // Like an HTML script tag, the browser's preload scanner may download it; it must not run.
    expect(await read(page, 'log')).toEqual([])
    await page.evaluate(() => (window as any).m.acceptAll())
    await expect.poll(async () => (await read(page, 'log')).sort(), { timeout: 10_000 }).toEqual(['svg-href.js', 'svg-xlink.js'])
    await settle(page)
    expect(await read(page, 'log')).toHaveLength(2)
  })
})

describe('held forms for a video poster and inline style URLs', () => {
  it('data-poster and data-style load nothing before consent, and apply after it under a strict CSP', async () => {
    suite.server.requests.length = 0
    suite.server.page(
      '/gate/poster.html',
      html(
        `window.m = Charto.createConsent({}, [Charto.blocker])`,
        `<video data-category="marketing" data-poster="${tracker()}/poster.png" width="100" height="50"></video>
         <div data-category="marketing" data-style="background-image: url(${tracker()}/style.png)"></div>`
      ),
      { 'content-security-policy': "default-src 'self' http://tracker.test:*; script-src 'nonce-abc'; style-src 'self'" }
    )
    let page = await open('/gate/poster.html')
    await settle(page)
    expect(trackerHits().map((r) => r.path)).toEqual([])
    await page.evaluate(() => (window as any).m.acceptAll())
    await expect.poll(() => [trackerHits('poster.png').length, trackerHits('style.png').length], { timeout: 10_000 }).toEqual([1, 1])
    expect(await page.evaluate(() => document.querySelector('video')!.poster)).toBe(`${tracker()}/poster.png`)
    // Set through the CSSOM, which a strict style-src allows (it refuses style attributes).
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('div[data-category]')!).backgroundImage)).toContain('/style.png')
    expect(await read(page, 'violations')).toEqual([])
  })
})
