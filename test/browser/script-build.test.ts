// The <script>-tag build as a site owner uses it: auto-init from #charto-config, languages, failing closed.
import { expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { useBrowser } from './harness.js'

const suite = useBrowser()

const page = (head: string, body = '') => `<!doctype html><html lang="de"><head><title>t</title>${head}</head><body><main><h1>Shop</h1>${body}</main></body></html>`
const open = async (path: string): Promise<Page> => {
  let tab = await suite.browser.newPage()
  await tab.goto(suite.server.origin() + path)
  return tab
}

it('starts from #charto-config, shows the banner in the page language from a loaded translation, and gates scripts', async () => {
  suite.server.page(
    '/auto.html',
    page(
      `<script type="application/json" id="charto-config">{"services":{"stats":{"category":"performance"}},"privacyPolicyUrl":"/privacy"}</script>
       <script src="/dist/i18n/de.global.js"></script>
       <script src="/dist/charto.global.js"></script>`,
      `<script type="text/plain" data-service="stats" src="http://tracker.test:${suite.server.port}/stats.js"></script>
       <a href="#" data-charto-open>Cookie-Einstellungen</a>`
    )
  )
  let tab = await open('/auto.html')
  let banner = tab.locator('charto-ui [part~=banner]').first()
  await banner.waitFor()
  expect(await banner.getAttribute('lang')).toBe('de')
  await expect(tab.getByRole('button', { name: 'Alle akzeptieren' }).count()).resolves.toBe(1)
  expect(suite.server.hits('tracker.test')).toHaveLength(0)
  await tab.getByRole('button', { name: 'Alle akzeptieren' }).click()
  await tab.waitForFunction(() => (window as any).Charto.instance.isGranted('stats'))
  await expect.poll(() => suite.server.hits('tracker.test/stats.js').length).toBe(1)
  await tab.close()
})

it('fails closed on a broken configuration: nothing blocked runs, the page keeps working, the error names the field', async () => {
  let broken = (loader: string) =>
    page(
      `<script type="application/json" id="charto-config">{"services":{"stats":{"category":"analytics"}}}</script>
       <script src="/dist/${loader}"></script>`,
      `<script type="text/plain" data-category="performance">window.ran = true</script>
       <script>window.pageWorks = true</script>`
    )
  suite.server.page('/broken.html', broken('charto.global.js'))
  suite.server.page('/broken-dev.html', broken('charto.dev.global.js'))
  let tab = await suite.browser.newPage()
  let errors: string[] = []
  tab.on('console', (message) => message.type() === 'error' && errors.push(message.text()))
  await tab.goto(suite.server.origin() + '/broken.html')
  expect(await tab.evaluate(() => [(window as any).ran, (window as any).pageWorks, (window as any).Charto.instance])).toEqual([
    undefined,
    true,
    undefined
  ])
  // Short in what visitors download; the development loader lists every problem with its hint.
  expect(errors.join('\n')).toMatch(/invalid configuration at services\.stats\.category: .*npx charto validate/)
  errors.length = 0
  await tab.goto(suite.server.origin() + '/broken-dev.html')
  expect(await tab.evaluate(() => [(window as any).ran, (window as any).pageWorks])).toEqual([undefined, true])
  expect(errors.join('\n')).toMatch(/services\.stats\.category: must name a category \(necessary, performance, marketing, functional\), got "analytics"\s+hint: did you mean "performance"\?/)
  await tab.close()
})

it('fails closed on a corrupt or hand-edited consent cookie: asks again, runs nothing', async () => {
  suite.server.page(
    '/tampered.html',
    page(
      `<script type="application/json" id="charto-config">{}</script><script src="/dist/charto.global.js"></script>`,
      `<script type="text/plain" data-category="marketing">window.ran = true</script>`
    )
  )
  let context = await suite.browser.newContext()
  await context.addCookies([
    { name: 'charto_consent', value: '1|0b6c5b0e-8a5e-4e7b-9f2e-2d1c3a4b5c6d|x|y|0|0|0|marketing||||abc', url: suite.server.origin() },
  ])
  let tab = await context.newPage()
  await tab.goto(suite.server.origin() + '/tampered.html')
  await tab.locator('charto-ui [part~=banner]').first().waitFor()
  expect(await tab.evaluate(() => [(window as any).ran, (window as any).Charto.instance.getConsent().decided])).toEqual([undefined, false])
  await context.close()
})

it('the one script tag starts with regions, vendors and records, and no option needs another file', async () => {
  let config = `{"regions":{"US-CA":{"mode":"opt-out"},"default":{"mode":"opt-in"}},"region":"US-CA","vendors":["uet"],"records":{"endpoint":"/records-sink"}}`
  let body = `<script type="text/plain" data-category="marketing">window.ran = true</script>`
  suite.server.page('/one-tag.html', page(`<script type="application/json" id="charto-config">${config}</script><script src="/dist/charto.global.js"></script>`, body))

  let tab = await suite.browser.newPage()
  let errors: string[] = []
  tab.on('console', (message) => message.type() === 'error' && errors.push(message.text()))
  // US-CA is opt-out, so marketing runs without a banner decision; UET got its default.
  await tab.goto(suite.server.origin() + '/one-tag.html')
  await tab.waitForFunction(() => (window as any).ran)
  expect(
    await tab.evaluate(() => [(window as any).ran, (window as any).Charto.instance.getConsent().region, (window as any).uetq?.slice(0, 2)])
  ).toEqual([true, 'US-CA', ['consent', 'default']])
  expect(errors).toEqual([])
  await tab.close()
})

it('a second init on the same page is ignored (with a warning in the development loader), and starts once the first is destroyed', async () => {
  suite.server.page(
    '/twice.html',
    page(`<script type="application/json" id="charto-config">{}</script><script src="/dist/charto.dev.global.js"></script>`, `<a href="#" data-charto-open>Cookie settings</a>`)
  )
  let tab = await suite.browser.newPage()
  let warnings: string[] = []
  tab.on('console', (message) => message.type() === 'warning' && warnings.push(message.text()))
  await tab.goto(suite.server.origin() + '/twice.html')
  await tab.locator('charto-ui [part~=banner]').first().waitFor()
  expect(await tab.evaluate(() => (window as any).Charto.init({ mode: 'opt-out' }) === (window as any).Charto.instance)).toBe(true)
  expect(warnings.join('\n')).toContain('already running')
  expect(await tab.locator('charto-ui [part~=banner]').count()).toBe(1)
  expect(
    await tab.evaluate(() => {
      let charto = (window as any).Charto
      let first = charto.instance
      first.destroy()
      let next = charto.init({ mode: 'opt-out' })
      return [next !== first, next === charto.instance, next.config.mode]
    })
  ).toEqual([true, true, 'opt-out'])
  // The destroyed manager took its banner with it; the new one's banner arrives with the dialog chunk.
  await expect.poll(() => tab.locator('charto-ui [part~=banner]').count()).toBe(1)
  expect(await tab.locator('charto-ui').count()).toBe(1)
  await tab.close()
})

it('a decision survives adding cookie.domain: the later decision wins, and reset leaves one variant, the reset', async () => {
  let host = suite.server.origin('www.shop.test')
  let body = `<script type="text/plain" data-category="performance">window.ran = true</script>`
  suite.server.page('/host-only.html', page(`<script type="application/json" id="charto-config">{}</script><script src="/dist/charto.global.js"></script>`, body))
  suite.server.page(
    '/with-domain.html',
    page(`<script type="application/json" id="charto-config">{"cookie":{"domain":"shop.test"}}</script><script src="/dist/charto.global.js"></script>`, body)
  )
  let context = await suite.browser.newContext()
  let tab = await context.newPage()
  let errors: string[] = []
  tab.on('console', (message) => message.type() === 'error' && errors.push(message.text()))
  await tab.goto(host + '/host-only.html')
  await tab.evaluate(() => (window as any).Charto.instance.acceptAll())

  // The site now shares consent across subdomains: the visitor withdraws, then comes back.
  await tab.goto(host + '/with-domain.html')
  await tab.evaluate(() => {
    let m = (window as any).Charto.instance
    m.on('error', (error: Error) => console.error(error.message))
    m.rejectAll()
  })
  await tab.reload()
  expect(await tab.evaluate(() => [(window as any).Charto.instance.getConsent().method, (window as any).ran])).toEqual(['reject-all', undefined])

  await tab.evaluate(() => (window as any).Charto.instance.reset())
  await tab.reload()
  // What is left is the reset itself (method 5, no decision), so that no tab elsewhere puts the old decision back.
  let [decided, cookie] = await tab.evaluate(() => [(window as any).Charto.instance.getConsent().decided, document.cookie])
  expect(decided).toBe(false)
  expect(cookie).toMatch(/^charto_consent=2\|(?:[^|;]*\|){5}5\|[^;]*$/)
  expect(errors).toEqual([])
  await context.close()
})

it('Charto.instance is the manager of a manual init; a config that is not an object fails loudly, one placed after the script in the development loader', async () => {
  suite.server.page('/manual.html', page(`<script src="/dist/charto.global.js"></script><script>Charto.init({})</script>`))
  suite.server.page('/array.html', page(`<script type="application/json" id="charto-config">[]</script><script src="/dist/charto.global.js"></script>`))
  suite.server.page('/late.html', page(`<script src="/dist/charto.dev.global.js"></script><script type="application/json" id="charto-config">{}</script>`))
  let tab = await suite.browser.newPage()
  let errors: string[] = []
  tab.on('console', (message) => message.type() === 'error' && errors.push(message.text()))
  await tab.goto(suite.server.origin() + '/manual.html')
  expect(await tab.evaluate(() => typeof (window as any).Charto.instance?.acceptAll)).toBe('function')
  await tab.goto(suite.server.origin() + '/array.html')
  expect(await tab.evaluate(() => (window as any).Charto.instance)).toBeUndefined()
  expect(errors.join('\n')).toMatch(/invalid configuration at config: /)
  await tab.goto(suite.server.origin() + '/late.html')
  await expect.poll(() => errors.join('\n')).toContain('put #charto-config before the charto script')
  await tab.close()
})

it('show() and showPreferences() called from a <head> script wait for <body>; the banner is not lost', async () => {
  suite.server.page(
    '/head-call.html',
    page(`<script type="application/json" id="charto-config">{}</script><script src="/dist/charto.global.js"></script><script>Charto.instance.showPreferences()</script>`)
  )
  let tab = await suite.browser.newPage()
  let errors: string[] = []
  tab.on('pageerror', (error) => errors.push(error.message))
  await tab.goto(suite.server.origin() + '/head-call.html')
  await expect.poll(() => tab.getByRole('dialog', { name: 'Cookie preferences' }).isVisible()).toBe(true)
  expect(errors).toEqual([])
  await tab.keyboard.press('Escape')
  await expect.poll(() => tab.getByRole('region', { name: 'We value your privacy' }).isVisible()).toBe(true)
  await tab.close()
})
