// Gating and clearing in real Chromium: requests are observed at the server, scripts by what they record.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { join } from 'node:path'
import { build } from 'esbuild'
import type { Browser, Page } from 'playwright-core'
import { launchBrowser, startServer, type TestServer } from './harness.js'

const ROOT = join(import.meta.dirname, '..', '..')
let browser: Browser
let server: TestServer
let tracker = () => server.origin('tracker.test')

beforeAll(async () => {
  server = await startServer()
  browser = await launchBrowser()
  let bundle = await build({
    entryPoints: [join(ROOT, 'test/browser/fixtures/blocker-entry.ts')],
    bundle: true,
    format: 'iife',
    write: false,
    logLevel: 'silent'
  })
  let code = bundle.outputFiles[0].text
  server.route('/charto-blocker.js', (_req, res) => res.writeHead(200, { 'content-type': 'text/javascript' }).end(code))
  let script = (body: string) => (_req: any, res: any) => res.writeHead(200, { 'content-type': 'text/javascript' }).end(body)
  server.route('/gtag.js', script('window.gtagLoaded = (window.gtagLoaded || 0) + 1; log.push("gtag.js")'))
  server.route('/auto.js', script('log.push("auto.js")'))
  server.route('/auto-html.js', script('log.push("auto-html.js")'))
  server.route('/auto-defer.js', script('log.push("auto-defer.js")'))
})
afterAll(async () => {
  await browser?.close()
  await server?.close()
})

/**
 * A page that loads charto first, then runs `init` (with nonce abc), then the body markup. charto runs with a nonce, so
 * held scripts carry it too (README, Content Security Policy).
 */
let html = (init: string, body = '', charto = '/charto-blocker.js') => `<!doctype html><html lang="en"><head><title>blocker</title>
<script nonce="abc" src="${charto}"></script>
<script nonce="abc">
  window.log = []; window.violations = []; window.events = []
  document.addEventListener('securitypolicyviolation', (e) => violations.push(e.violatedDirective + ' ' + e.blockedURI))
  for (let name of ['blocked', 'unblocked', 'cleared']) addEventListener('charto:' + name, (e) => events.push([name, e.detail]))
  ${init}
</script></head><body>${body}</body></html>`

let open = async (path: string) => {
  let page = await browser.newPage()
  let errors: string[] = []
  page.on('pageerror', (error) => errors.push(error.message))
  await page.goto(server.origin() + path)
  return Object.assign(page, { errors })
}
let log = (page: Page) => page.evaluate(() => (window as any).log as string[])
let settle = (page: Page) => page.waitForTimeout(150)
/** Waits until the log reads `expected` (a loaded machine may be slow), then a settle more: nothing runs twice. */
let logBecomes = async (page: Page, expected: string[], sort = false) => {
  let read = async () => (sort ? (await log(page)).sort() : await log(page))
  await expect.poll(read).toEqual(expected)
  await settle(page)
  expect(await read()).toEqual(expected)
}
let trackerHits = () => server.requests.filter((r) => r.host == 'tracker.test')

describe('markup gating', () => {
  it('services.<id>.scripts objects take the nonce of the charto script under a strict CSP (README, Content Security Policy)', async () => {
    server.requests.length = 0
    server.page(
      '/blk/config-nonce.html',
      html(`window.m = Charto.createConsent({ services: { ga4: { category: 'performance', scripts: [
        { src: '${tracker()}/gtag.js' }, { src: '${tracker()}/auto.js', attrs: { nonce: 'own' } }] } } }, [Charto.blocker])`),
      { 'content-security-policy': "script-src 'nonce-abc' 'nonce-own'" }
    )
    let page = await open('/blk/config-nonce.html')
    await settle(page)
    expect(trackerHits()).toEqual([])
    await page.evaluate(() => (window as any).m.acceptAll())
    await logBecomes(page, ['gtag.js', 'auto.js'])
    // Its own nonce from `attrs` wins over the charto script's.
    expect(await page.evaluate(() => [...document.querySelectorAll<HTMLScriptElement>('script[data-service]')].map((s) => s.nonce))).toEqual(['abc', 'own'])
    expect(await page.evaluate(() => (window as any).violations)).toEqual([])
    await page.close()
  })

  it('nothing reaches the tracker before consent; after it, scripts run once, in order, nonce kept under a strict CSP', async () => {
    server.requests.length = 0
    server.page(
      '/blk/csp.html',
      html(
        `window.m = Charto.createConsent({}, [Charto.blocker])`,
        `<script type="text/plain" data-category="performance" nonce="abc" src="${tracker()}/gtag.js"></script>
         <script type="text/plain" data-category="performance" nonce="abc">log.push('config sees gtag.js: ' + window.gtagLoaded)</script>
         <script type="text/plain" data-category="performance marketing" nonce="abc">log.push('both')</script>
         <script type="text/plain" data-category="!marketing" nonce="abc">log.push('no marketing')</script>
         <script type="text/plain" data-category="marketing" data-type="module" nonce="abc">log.push('module')</script>
         <iframe data-src="${tracker()}/frame.html" data-category="marketing"></iframe>
         <img data-src="${tracker()}/pixel.png" data-srcset="${tracker()}/pixel2.png 2x" data-category="marketing" alt="">`
      ),
      { 'content-security-policy': "script-src 'nonce-abc'" }
    )
    let page = await open('/blk/csp.html')
    await settle(page)
    expect(trackerHits()).toEqual([])
    expect(await log(page)).toEqual(['no marketing'])
    let blocked = await page.evaluate(() => (window as any).events.filter((e: any) => e[0] == 'blocked').map((e: any) => e[1].element.localName))
    expect(blocked).toEqual(['iframe'])

    await page.evaluate(() => (window as any).m.acceptAll())
    await page.waitForFunction(() => (window as any).log.length >= 5)
    await logBecomes(page, ['no marketing', 'gtag.js', 'config sees gtag.js: 1', 'both', 'module'])
    // Device scale factor 1: the 1x candidate.
    expect(trackerHits().map((r) => r.path).sort()).toEqual(['/frame.html', '/gtag.js', '/pixel.png'])
    expect(await page.evaluate(() => [...document.scripts].filter((s) => s.dataset.category).map((s) => s.nonce))).toEqual(Array(5).fill('abc'))

    // Once per page: later decisions run nothing again.
    await page.evaluate(() => {
      let m = (window as any).m
      m.setConsent({ marketing: false })
      m.acceptAll()
    })
    await settle(page)
    expect(await log(page)).toHaveLength(5)
    expect(trackerHits().filter((r) => r.path == '/gtag.js')).toHaveLength(1)
    expect(await page.evaluate(() => (window as any).violations)).toEqual([])

    // A returning visitor: the scripts are found while the page is parsed, and still run in order.
    await page.evaluate(() => (window as any).m.acceptAll())
    await page.reload()
    await page.waitForFunction(() => (window as any).log.length >= 4)
    await logBecomes(page, ['gtag.js', 'config sees gtag.js: 1', 'both', 'module'])
    expect(await page.evaluate(() => (window as any).violations)).toEqual([])
    expect(page.errors).toEqual([])
    await page.close()
  })

  it('under Trusted Types enforcement, held, config-loaded and auto-blocked scripts run through the "charto" policy', async () => {
    server.requests.length = 0
    server.page(
      '/blk/trusted-types.html',
      html(
        `window.m = Charto.createConsent({ autoBlock: true, services: { ga4: { category: 'performance', scripts: ['${tracker()}/auto.js', { src: '${tracker()}/gtag.js' }] } } }, [Charto.blocker])
         let s = document.createElement('script'); s.src = trustedTypes.createPolicy('page', { createScriptURL: String }).createScriptURL('${tracker()}/auto.js'); document.head.append(s)`,
        `<script type="text/plain" data-category="performance" nonce="abc">log.push('inline')</script>`
      ),
      { 'content-security-policy': "script-src 'nonce-abc' http://tracker.test:*; require-trusted-types-for 'script'; trusted-types charto page" }
    )
    let page = await open('/blk/trusted-types.html')
    await settle(page)
    expect(await log(page)).toEqual([])
    await page.evaluate(() => (window as any).m.acceptAll())
    await logBecomes(page, ['auto.js', 'gtag.js', 'inline'], true)
    expect(await page.evaluate(() => (window as any).violations)).toEqual([])
    expect(page.errors).toEqual([])
    await page.close()
  })

  it('"!marketing" runs on a fresh load while marketing is denied, and not once granted', async () => {
    server.page(
      '/blk/negation.html',
      html(`window.m = Charto.createConsent({}, [Charto.blocker])`, `<script type="text/plain" data-category="!marketing" nonce="abc">log.push('no marketing')</script>`)
    )
    let page = await open('/blk/negation.html')
    await page.evaluate(() => (window as any).m.rejectAll())
    await page.reload()
    await logBecomes(page, ['no marketing'])
    await page.evaluate(() => (window as any).m.acceptAll())
    await page.reload()
    await settle(page)
    expect(await log(page)).toEqual([])
    await page.close()
  })

  it('a blocked inline script whose text arrives in two network chunks runs whole for a returning visitor', async () => {
    // The parser inserts a <script> before all of its text has arrived; reviving it then would run half a script.
    let [start, end] = html(
      `window.m = Charto.createConsent({}, [Charto.blocker])`,
      `<script type="text/plain" data-category="performance" nonce="abc">log.push('first half'); SPLIT log.push('second half')</script><p>after</p>`
    ).split('SPLIT')
    server.route('/blk/chunked.html', (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
      res.write(start + ' '.repeat(2048))
      setTimeout(() => res.end(end), 300)
    })
    let page = await open('/blk/chunked.html')
    await page.evaluate(() => (window as any).m.acceptAll())
    await logBecomes(page, ['first half', 'second half'])
    await page.reload()
    await logBecomes(page, ['first half', 'second half'])
    expect(page.errors).toEqual([])
    await page.close()
  })

  it('held URLs inside an allowed element that arrive in a later network chunk load for a returning visitor', async () => {
    server.requests.length = 0
    let [start, end] = html(
      `window.m = Charto.createConsent({}, [Charto.blocker])`,
      `<video data-category="performance" controls>SPLIT<source data-src="${tracker()}/clip.mp4" type="video/mp4"></video>
       <div data-category="performance"><p>text</p></div>`
    ).split('SPLIT')
    server.route('/blk/chunked-media.html', (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
      res.write(start + ' '.repeat(2048))
      setTimeout(() => res.end(end), 300)
    })
    let page = await open('/blk/chunked-media.html')
    await page.evaluate(() => (window as any).m.acceptAll())
    await page.reload()
    await page.waitForLoadState('load')
    // Added later into the allowed <div>: released by it too.
    await page.evaluate((origin) => document.querySelector('div p')!.insertAdjacentHTML('afterend', `<img data-src="${origin}/late.png" alt="">`), tracker())
    await expect.poll(() => page.evaluate(() => [document.querySelector('source')!.getAttribute('src'), document.querySelector('img')!.getAttribute('src')])).toEqual([
      `${tracker()}/clip.mp4`,
      `${tracker()}/late.png`
    ])
    await page.close()
  })

  it('a held script the browser never fetches (nomodule, a non-JavaScript data-type) does not stall the ones after it', async () => {
    server.page(
      '/blk/unfetched.html',
      html(
        `window.m = Charto.createConsent({}, [Charto.blocker])`,
        `<script type="text/plain" data-category="performance" nonce="abc" nomodule src="${tracker()}/legacy.js"></script>
         <script type="text/plain" data-category="performance" nonce="abc" data-type="text/x-template" src="${tracker()}/template.html"></script>
         <script type="text/plain" data-category="performance" nonce="abc">log.push('after')</script>`
      )
    )
    let page = await open('/blk/unfetched.html')
    await page.evaluate(() => (window as any).m.acceptAll())
    await logBecomes(page, ['after'])
    await page.close()
  })

  it('markup added after init is gated; added after consent it runs at once', async () => {
    server.requests.length = 0
    server.page('/blk/spa.html', html(`window.m = Charto.createConsent({}, [Charto.blocker])`))
    let page = await open('/blk/spa.html')
    let origin = tracker()
    await page.evaluate((origin) => {
      let view = document.createElement('main')
      // innerHTML marks its scripts "already started": only a re-created element can run once consent comes.
      view.innerHTML = `<section><iframe data-src="${origin}/spa-frame.html" data-category="marketing"></iframe>
        <script type="text/plain" data-category="performance" nonce="abc">log.push('from innerHTML')</script></section>`
      document.body.append(view)
      let s = document.createElement('script')
      s.type = 'text/plain'
      s.dataset.category = 'performance'
      s.nonce = 'abc'
      s.src = origin + '/gtag.js'
      document.body.append(s)
    }, origin)
    await settle(page)
    expect(trackerHits()).toEqual([])
    expect(await log(page)).toEqual([])
    expect(await page.evaluate(() => (window as any).events.map((e: any) => e[0]))).toEqual(['blocked'])

    await page.evaluate(() => (window as any).m.acceptAll())
    await logBecomes(page, ['from innerHTML', 'gtag.js'])
    expect(trackerHits().map((r) => r.path).sort()).toEqual(['/gtag.js', '/spa-frame.html'])

    await page.evaluate((origin) => {
      document.body.insertAdjacentHTML('beforeend', `<div><img data-src="${origin}/late.png" data-category="performance" alt=""></div>`)
      let s = document.createElement('script')
      s.type = 'text/plain'
      s.dataset.category = 'performance'
      s.nonce = 'abc'
      s.text = 'log.push("late inline")'
      document.body.append(s)
    }, origin)
    await page.waitForFunction(() => (window as any).log.length == 3)
    await settle(page)
    expect(trackerHits().map((r) => r.path)).toContain('/late.png')
    await page.close()
  })

  it('a large batch (a loop of appends, one big insertion) is gated down to nested elements', async () => {
    server.requests.length = 0
    server.page('/blk/batch.html', html(`window.m = Charto.createConsent({}, [Charto.blocker])`, '<ul></ul>'))
    let page = await open('/blk/batch.html')
    let origin = tracker()
    await page.evaluate((origin) => {
      let list = document.querySelector('ul')!
      for (let i = 0; i < 200; i++) {
        let item = document.createElement('li')
        if (i == 150) item.innerHTML = `<div><iframe data-src="${origin}/batch-frame.html" data-service="pixel" data-category="marketing"></iframe></div>`
        else item.textContent = 'item ' + i
        list.append(item)
      }
      document.body.insertAdjacentHTML('beforeend', '<p>x</p>'.repeat(100) + `<div><img data-src="${origin}/batch.png" data-category="performance" alt="">
        <script type="text/plain" data-category="performance" nonce="abc">log.push('batch script')</script></div>`)
    }, origin)
    await settle(page)
    expect(trackerHits()).toEqual([])
    expect(await page.evaluate(() => (window as any).events.map((e: any) => [e[0], e[1].element.localName]))).toEqual([['blocked', 'iframe']])
    await page.evaluate(() => (window as any).m.acceptAll())
    await logBecomes(page, ['batch script'])
    expect(trackerHits().map((r) => r.path).sort()).toEqual(['/batch-frame.html', '/batch.png'])
    await page.close()
  })

  it('loads services.<id>.scripts from config once granted, nonce from attrs, under the strict CSP', async () => {
    server.requests.length = 0
    server.page(
      '/blk/config.html',
      html(`window.m = Charto.createConsent({ services: { ga4: { category: 'performance',
        scripts: [{ src: '${tracker()}/gtag.js', attrs: { nonce: 'abc' } }], onAccept: () => log.push('onAccept') } } }, [Charto.blocker])`),
      { 'content-security-policy': "script-src 'nonce-abc'" }
    )
    let page = await open('/blk/config.html')
    await settle(page)
    expect(trackerHits()).toEqual([])
    await page.evaluate(() => (window as any).m.acceptAll())
    await page.waitForFunction(() => (window as any).log.includes('gtag.js'))
    expect(await log(page)).toEqual(['onAccept', 'gtag.js'])
    expect(await page.evaluate(() => (window as any).violations)).toEqual([])
    await page.close()
  })
})

describe('auto-block', () => {
  it('a createElement tracker makes no request until consent, then runs once with the page\'s onload', async () => {
    server.requests.length = 0
    server.page(
      '/blk/auto.html',
      html(
        `window.m = Charto.createConsent({ autoBlock: true, services: { ga4: { category: 'performance', scripts: ['tracker.test:*/auto*'] } } }, [Charto.blocker])
         let s = document.createElement('script'); s.async = true; s.src = '${tracker()}/auto.js'; s.onload = () => log.push('onload')
         document.head.appendChild(s)
         let f = document.createElement('iframe'); f.setAttribute('src', '${tracker()}/auto-frame.html'); document.head.after(f)`,
        `<script nonce="abc" src="${tracker()}/auto-html.js"></script><p>text</p><script nonce="abc" defer src="${tracker()}/auto-defer.js"></script>`
      )
    )
    let page = await open('/blk/auto.html')
    await settle(page)
    // A tag in the HTML is fetched by the browser (preload scanner) but does not run; JavaScript-created ones make no request.
    expect(trackerHits().map((r) => r.path).filter((p) => !/^\/auto-(html|defer)\.js$/.test(p))).toEqual([])
    expect(await log(page)).toEqual([])
    expect(await page.evaluate(() => (window as any).events.map((e: any) => e[0]))).toEqual(['blocked'])

    await page.evaluate(() => (window as any).m.acceptAll())
    await page.waitForFunction(() => (window as any).log.length >= 4)
    await logBecomes(page, ['auto-defer.js', 'auto-html.js', 'auto.js', 'onload'], true)
    expect(trackerHits().filter((r) => r.path == '/auto.js')).toHaveLength(1)
    console.log('auto-html.js requests (preload scan + run):', trackerHits().filter((r) => r.path == '/auto-html.js').length)
    expect(trackerHits().map((r) => r.path)).toContain('/auto-frame.html')
    expect(page.errors).toEqual([])
    await page.close()
  })
})

describe('clearing', () => {
  // From the sources (the clearing at hand), and in the <script>-tag loader, which fetches it as a chunk.
  for (let [build, charto] of [['sources', '/charto-blocker.js'], ['loader', '/dist/charto.global.js']]) {
    it(`_ga-style cookies on the parent domain, the host and a path are gone after withdrawal (${build})`, async () => {
      server.page(
        `/blk/shop/cookies-${build}.html`,
        html(`window.m = Charto.createConsent({
          categories: { performance: { cookies: ['/^_ga/', '_gid'], storage: ['/^_hj/'] } },
          services: { pixel: { category: 'marketing', cookies: [{ name: '_fbp' }, { name: 'IDE', thirdParty: true }] } } }, [Charto.blocker])`, '', charto)
      )
      let page = await open(`/blk/shop/cookies-${build}.html`)
      let result = await page.evaluate(async () => {
        let m = (window as any).m
        m.acceptAll()
        document.cookie = '_ga=GA1.1; domain=.charto.test; path=/'
        document.cookie = '_ga_ABC=GS1; domain=charto.test; path=/'
        document.cookie = '_ga=host; path=/'
        document.cookie = '_gid=1; path=/blk/shop'
        document.cookie = '_gid=2; path=/blk/'
        document.cookie = '_fbp=1; domain=www.charto.test; path=/'
        document.cookie = 'cart=1; path=/'
        localStorage.setItem('_hjSession', '1')
        let before = document.cookie
        let cleared = new Promise((resolve) => addEventListener('charto:cleared', (e: any) => resolve(e.detail), { once: true }))
        m.rejectAll()
        return { before, cleared: await cleared, after: document.cookie, storage: Object.keys(localStorage) }
      })
      expect(result.before.split('; ').length).toBe(8)
      expect(result.after.split('; ').sort().map((c) => c.split('=')[0])).toEqual(['cart', 'charto_consent'])
      expect((result.cleared as any).removed.sort()).toEqual(['_fbp', '_ga', '_ga_ABC', '_gid', '_hjSession'])
      expect((result.cleared as any).failed).toEqual(['IDE'])
      expect(result.storage).toEqual([])
      let jar = (await page.context().cookies()).map((c) => `${c.name}@${c.domain}${c.path}`)
      expect(jar.filter((c) => /^(_ga|_gid|_fbp)/.test(c))).toEqual([])
      await page.close()
    })
  }

  it('reloadOnRevoke reloads after the withdrawal is cleared and every change handler ran', async () => {
    server.page(
      '/blk/reload.html',
      html(`window.m = Charto.createConsent({ reloadOnRevoke: true, categories: { performance: { cookies: ['_ga'] } } }, [Charto.blocker])
        m.on('change', () => sessionStorage.setItem('order', (sessionStorage.getItem('order') || '') + 'change;'))
        addEventListener('charto:cleared', () => sessionStorage.setItem('order', sessionStorage.getItem('order') + 'cleared;'))
        sessionStorage.setItem('loads', +(sessionStorage.getItem('loads') || 0) + 1)`)
    )
    let page = await open('/blk/reload.html')
    await page.evaluate(() => (window as any).m.acceptAll())
    await settle(page)
    expect(await page.evaluate(() => sessionStorage.getItem('loads'))).toBe('1')
    await Promise.all([page.waitForEvent('load'), page.evaluate(() => (window as any).m.rejectAll())])
    expect(await page.evaluate(() => [sessionStorage.getItem('loads'), sessionStorage.getItem('order')])).toEqual(['2', 'change;change;cleared;'])
    await page.close()
  })
})
