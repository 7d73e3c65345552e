// DuckDuckGo's autoconsent (the engine of its cookie pop-up protection), the real package, answering charto's banner
// with the rule this repository ships for it: detection, Reject all, the rule's self-test, and the refusal kept on
// reload. The content script runs in the page and talks to this test as it would to the browser that hosts it.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import type { BrowserContext, Frame } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { useBrowser } from './harness.js'

const suite = useBrowser()
const require = createRequire(import.meta.url)
const contentScript = readFileSync(join(dirname(require.resolve('@duckduckgo/autoconsent')), 'autoconsent.playwright.js'), 'utf8')
const rule = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'integrations', 'autoconsent', 'charto.json'), 'utf8'))

/** What a browser hosting autoconsent configures: opt out by itself, our rule only, no heuristics or cosmetics. */
const autoconsentConfig = {
  enabled: true,
  autoAction: 'optOut',
  disabledCmps: [],
  enablePrehide: false,
  enableCosmeticRules: false,
  enableGeneratedRules: false,
  enableHeuristicDetection: false,
  heuristicMode: 'off',
  detectRetries: 20,
  isMainWorld: false
}

interface Message {
  type: string
  cmp?: string
  result?: boolean
  [key: string]: unknown
}

/** The package's own rules, as DuckDuckGo's browsers receive them. */
const shippedRules = JSON.parse(readFileSync(require.resolve('@duckduckgo/autoconsent/rules/rules.json'), 'utf8'))

/** A tab whose every page runs autoconsent's content script; `messages` is what it reported, in order. */
async function withAutoconsent(context: BrowserContext, rules: object = { autoconsent: [rule] }, config: object = autoconsentConfig) {
  let messages: Message[] = []
  let answer = (frame: Frame, message: object) => frame.evaluate(`autoconsentReceiveMessage(${JSON.stringify(message)})`).catch(() => {})
  await context.exposeBinding('autoconsentSendMessage', async ({ frame }: { frame: Frame }, message: Message) => {
    messages.push(message)
    if (message.type == 'init') await answer(frame, { type: 'initResp', config, rules })
    // The self-test runs once the opt-out is done, as DuckDuckGo's own test runner schedules it.
    if (message.type == 'autoconsentDone') await answer(frame, { type: 'selfTest' })
    if (message.type == 'eval') await answer(frame, { type: 'evalResp', id: message.id, result: await frame.evaluate(message.code as string) })
  })
  await context.addInitScript(contentScript)
  let tab = await context.newPage()
  let reported = (type: string) =>
    expect.poll(() => messages.find((m) => m.type == type), { timeout: 15_000, message: `autoconsent reported ${type}: ${JSON.stringify(messages)}` }).toBeTruthy()
  return { tab, messages, reported }
}

const page = (config: object) =>
  `<!doctype html><html lang="en"><head><title>Shop</title>` +
  `<script type="application/json" id="charto-config">${JSON.stringify(config)}</script><script src="/dist/charto.global.js"></script>` +
  `</head><body><main><h1>Shop</h1>` +
  `<script type="text/plain" data-category="performance" src="http://stats.tracker.test/collect.js"></script>` +
  `<script type="text/plain" data-category="marketing">window.marketingRan = true</script>` +
  `</main><footer><a href="#" data-charto-open>Cookie settings</a></footer></body></html>`

// The real engine retries detection for seconds and, without the rule, runs every shipped rule: slow on a busy machine.
describe('DuckDuckGo autoconsent with integrations/autoconsent/charto.json', { timeout: 120_000 }, () => {
  it('without the rule, its shipped rules and its text heuristic leave the banner unanswered (why the rule exists)', async () => {
    suite.server.page('/autoconsent-no-rule.html', page({}))
    let context = await suite.browser.newContext()
    let heuristics = { ...autoconsentConfig, enableGeneratedRules: true, enableHeuristicDetection: true, heuristicMode: 'tier2' }
    let { tab, messages } = await withAutoconsent(context, shippedRules, heuristics)
    await tab.goto(suite.server.origin() + '/autoconsent-no-rule.html')
    await tab.locator('charto-ui').waitFor({ state: 'attached' })
    await tab.waitForTimeout(5000)
    expect(messages.filter((m) => ['cmpDetected', 'popupFound', 'optOutResult'].includes(m.type))).toEqual([])
    expect(await tab.evaluate(() => (window as any).Charto.instance.getConsent().decided)).toBe(false)
    await context.close()
  })

  for (let [name, config] of [
    ['the bar banner', { ui: { layout: 'bar' } }],
    ['the box banner', { ui: { layout: 'box' } }],
    ['the modal banner', { ui: { layout: 'modal' } }],
    ['the opt-out notice', { mode: 'opt-out' }]
  ] as const) {
    it(`detects ${name}, clicks Reject all, passes its self-test, and the refusal holds on reload`, async () => {
      let path = `/autoconsent-${name.replace(/\W+/g, '-')}.html`
      suite.server.page(path, page(config))
      let context = await suite.browser.newContext()
      let { tab, messages, reported } = await withAutoconsent(context)
      await tab.goto(suite.server.origin() + path)

      await reported('selfTestResult')
      let of = (type: string) => messages.filter((m) => m.type == type)
      expect(of('cmpDetected').map((m) => m.cmp)).toEqual(['charto'])
      expect(of('popupFound').map((m) => m.cmp)).toEqual(['charto'])
      expect(of('optOutResult').map((m) => m.result)).toEqual([true])
      expect(of('autoconsentDone').map((m) => m.cmp)).toEqual(['charto'])
      expect(of('selfTestResult').map((m) => m.result)).toEqual([true])
      expect(of('autoconsentError')).toEqual([])

      let consent = () => tab.evaluate(() => (window as any).Charto.instance.getConsent())
      expect(await consent()).toMatchObject({ decided: true, method: 'reject-all', categories: { necessary: true, functional: false, performance: false, marketing: false } })
      // The refusal lasts as long as the cookie declaration says (consentLifetimeDays, 180 by default), in Chromium too.
      let [cookie] = (await context.cookies()).filter((c) => c.name == 'charto_consent')
      expect(Math.round((cookie.expires * 1000 - Date.now()) / 864e5)).toBe(180)
      // Reject all was clicked by the rule (the banner is gone), and nothing it refused ran or was requested.
      expect(await tab.locator('charto-ui').evaluate((host) => host.shadowRoot!.querySelector('[part~="banner"]'))).toBeNull()

      let before = messages.length
      await tab.reload()
      await tab.waitForFunction(() => (window as any).Charto?.instance)
      await tab.waitForTimeout(1500)
      expect(await consent()).toMatchObject({ decided: true, method: 'reject-all', categories: { performance: false, marketing: false } })
      // A returning visitor sees no banner, so there is nothing left for autoconsent to answer.
      expect(messages.slice(before).filter((m) => ['popupFound', 'optOutResult'].includes(m.type))).toEqual([])
      expect(await tab.locator('charto-ui').count()).toBe(0)
      expect(await tab.evaluate(() => (window as any).marketingRan)).toBeUndefined()
      expect(suite.server.hits('stats.tracker.test')).toEqual([])
      await context.close()
    })
  }

  it('opts in too, for a browser set to accept: Accept all is clicked', async () => {
    suite.server.page('/autoconsent-opt-in.html', page({}))
    let context = await suite.browser.newContext()
    let { tab, messages, reported } = await withAutoconsent(context, { autoconsent: [rule] }, { ...autoconsentConfig, autoAction: 'optIn' })
    await tab.goto(suite.server.origin() + '/autoconsent-opt-in.html')
    await reported('optInResult')
    expect(messages.filter((m) => m.type == 'optInResult').map((m) => m.result)).toEqual([true])
    expect(await tab.evaluate(() => (window as any).Charto.instance.getConsent())).toMatchObject({ method: 'accept-all', categories: { marketing: true } })
    await tab.waitForFunction(() => (window as any).marketingRan)
    await context.close()
  })
})
