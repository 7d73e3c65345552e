import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import Cookies from 'js-cookie'
import { createConsent, type ConsentManager } from '../core/consent.js'
import type { ChartoConfig } from '../core/types.js'
import { blocker } from '../blocker/index.js'
import { ui } from '../ui/index.js'
import { isDevelopment } from '../development.js'
import { describeElement } from './index.js'

let managers: ConsentManager[] = []
let warnings: string[] = []
const make = (config: ChartoConfig = {}, extensions: any[] = [blocker]) => {
  let manager = createConsent(config, extensions)
  managers.push(manager)
  return manager
}
/** The warnings after the checks that wait for the page (a task) and the MutationObserver (a microtask) have run. */
const settled = async () => {
  await new Promise((resolve) => setTimeout(resolve, 10))
  return warnings
}
const services = { ga4: { category: 'performance' } }

beforeEach(() => {
  for (let name of Object.keys(Cookies.get())) Cookies.remove(name)
  document.body.innerHTML = '<footer><a href="#" data-charto-open>Cookie settings</a></footer>'
  warnings = []
  vi.spyOn(console, 'warn').mockImplementation((message: string) => void warnings.push(message))
})
afterEach(() => {
  for (let manager of managers) manager.destroy()
  managers = []
  delete (self as any).ChartoI18n
  vi.restoreAllMocks()
})

it('runs in the development build only: the unit tests are one', () => {
  expect(isDevelopment).toBe(true)
})

describe('markup the configuration does not know', () => {
  // No settings link: without a dialog it would be named too.
  beforeEach(() => void (document.body.innerHTML = ''))

  it('names an unknown category and an unknown service, with the element and the ids there are', async () => {
    document.body.insertAdjacentHTML(
      'beforeend',
      '<script type="text/plain" data-category="analytics" src="https://stats.example/a.js"></script><img data-service="ga" data-src="/pixel.png">'
    )
    make({ services })
    expect(await settled()).toEqual([
      'charto: <script type="text/plain" data-category="analytics" src="https://stats.example/a.js"> names the category "analytics", which the configuration does not have, so it stays blocked whatever the visitor chooses. Use one of "necessary", "performance", "marketing", "functional", or add categories.analytics to the configuration.',
      'charto: <img data-service="ga" data-src="/pixel.png"> names the service "ga", which the configuration does not have, so the service\'s choice never applies to it. Use one of "ga4", or add services.ga with its category.'
    ])
  })

  it('checks markup added or changed later, once per element and problem, and stays quiet about known ids', async () => {
    make({ services })
    document.body.insertAdjacentHTML('beforeend', '<div data-category="performance"><img data-category="!marketing" data-src="/a.png"></div>')
    let late = document.createElement('script')
    late.type = 'text/plain'
    late.dataset.category = 'stats'
    document.body.append(late)
    expect(await settled()).toEqual([expect.stringMatching(/^charto: <script type="text\/plain" data-category="stats"> names the category "stats"/)])
    late.dataset.category = 'stats '
    late.dataset.service = 'matomo'
    document.body.append(late)
    let all = await settled()
    expect(all).toHaveLength(2)
    expect(all[1]).toMatch(/names the service "matomo".*add services\.matomo with its category\.$/)
  })

  it('names a data-category with no id in it', async () => {
    document.body.insertAdjacentHTML('beforeend', '<script type="text/plain" data-category=" "></script>')
    make()
    expect(await settled()).toEqual([expect.stringMatching(/data-category=" "> names no category, so it stays blocked\. Write a category id/)])
  })

  it('quotes at most the start of a long opening tag', () => {
    let element = document.createElement('iframe')
    element.setAttribute('data-src', 'https://example.com/' + 'x'.repeat(300))
    expect(describeElement(element)).toHaveLength(120)
    expect(describeElement(element)).toMatch(/^<iframe data-src="https:\/\/example\.com\/x+…$/)
  })
})

describe('the way back to the preferences', () => {
  it('a [data-charto-open] link on a page whose charto has no dialog', async () => {
    make()
    expect(await settled()).toEqual([
      'charto: <a href="#" data-charto-open=""> opens the cookie preferences, but this charto has no dialog, so the link does nothing. Start charto with init() or the script tag, or give createConsent the ui extension; with a dialog of your own, call it from this link instead.'
    ])
    // A link added later is named when clicked; the first one is not named twice.
    let late = document.createElement('button')
    late.setAttribute('data-charto-open', '')
    document.body.append(late)
    late.click()
    expect(warnings).toHaveLength(2)
    expect(warnings[1]).toMatch(/^charto: <button data-charto-open=""> opens the cookie preferences/)
  })

  it('a page with a dialog but neither a settings link nor the reopen button', async () => {
    document.body.innerHTML = '<main></main>'
    make({}, [blocker, ui])
    expect(await settled()).toEqual([
      'charto: <body> has neither a [data-charto-open] link nor the reopen button, so a visitor who decided has no way back to the preferences. Add <a href="#" data-charto-open>Cookie settings</a> to the footer of every page, or set ui.reopenButton: true.'
    ])
  })

  it('says nothing where the page has a settings link and a dialog, or the reopen button', async () => {
    make({}, [blocker, ui])
    managers.pop()!.destroy()
    document.body.innerHTML = ''
    make({ ui: { reopenButton: true } }, [blocker, ui])
    expect(await settled()).toEqual([])
  })
})

describe('language files', () => {
  // No settings link: without a dialog it would be named too.
  beforeEach(() => void (document.body.innerHTML = ''))

  it('one registered after charto started is named with its script and the fix', async () => {
    ;(self as any).ChartoI18n = { fr: {} }
    make()
    // What dist/i18n/de.global.js does at its end.
    let script = document.createElement('script')
    script.src = '/dist/i18n/de.global.js'
    Object.defineProperty(document, 'currentScript', { value: script, configurable: true })
    try {
      ;((self as any).ChartoI18n = (self as any).ChartoI18n || {}).de = { banner: {} }
    } finally {
      delete (document as any).currentScript
    }
    expect(Object.keys((self as any).ChartoI18n)).toEqual(['fr', 'de'])
    expect(await settled()).toEqual([
      `charto: <script src="/dist/i18n/de.global.js"> registers the language "de" after charto started, so the dialog never shows it. Put this language's <script> before charto's own <script> tag.`
    ])
  })

  it('leaves the registry as it found it when charto stops', () => {
    let registry = { fr: {} }
    ;(self as any).ChartoI18n = registry
    make().destroy()
    expect((self as any).ChartoI18n).toBe(registry)
  })
})
