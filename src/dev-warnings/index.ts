// Warnings for the mistakes a site owner makes that would otherwise fail silently: markup naming a category or service
// the configuration does not have, a language file loaded after charto, a settings link on a page without a dialog, a
// page with no way back to the preferences. Development build only: createConsent starts this behind `isDevelopment`,
// so a visitor's download never carries it. Each warning names the element and the fix, once per element.
import type { ExtensionContext } from '../core/consent.js'
import { has } from '../core/has.js'

const GATED = '[data-category],[data-service]'
const SETTINGS_LINK = '[data-charto-open]'
/** How much of an element's opening tag a warning quotes. */
const QUOTED_LENGTH = 120

/** An element as the page's author wrote it: its opening tag, shortened. */
export const describeElement = (element: Element) => {
  let html = element.outerHTML
  let tag = html.slice(0, html.indexOf('>') + 1) || html
  return tag.length > QUOTED_LENGTH ? tag.slice(0, QUOTED_LENGTH - 1) + '…' : tag
}

/** The ids of a list, for a fix that says which ones exist. */
const listOf = (ids: string[]) => (ids.length ? ids.map((id) => `"${id}"`).join(', ') : 'none yet')

/** The development checks of one manager; stops with it. */
export const developmentWarnings = ({ manager }: ExtensionContext): void | (() => void) => {
  if (typeof document == 'undefined') return
  let { categories, services } = manager.config
  let ui = (manager.config as { ui?: { reopenButton?: boolean } }).ui || {}
  // What was already said about each element, so that each problem is said once per element.
  let said = new WeakMap<object, Set<string>>()
  let warn = (element: Element, problem: string, fix: string) => {
    let seen = said.get(element) || new Set()
    said.set(element, seen)
    if (seen.has(problem)) return
    seen.add(problem)
    console.warn(`charto: ${describeElement(element)} ${problem}. ${fix}`)
  }
  // Whether a dialog extension (the npm `init`, the script builds, or `ui` given to createConsent) is there to open.
  let hasDialog = () => typeof (manager as Partial<{ showPreferences: unknown }>).showPreferences == 'function'

  /** A gate that names what the configuration does not have stays blocked for good. */
  let checkGate = (element: HTMLElement) => {
    let service = element.dataset.service
    if (service != null && !has(services, service)) {
      warn(
        element,
        `names the service "${service}", which the configuration does not have, so the service's choice never applies to it`,
        `Use one of ${listOf(Object.keys(services))}, or add services.${service || '<id>'} with its category.`
      )
    }
    let ids = element.dataset.category?.match(/\S+/g) || []
    if (element.hasAttribute('data-category') && !ids.length) {
      warn(element, 'names no category, so it stays blocked', `Write a category id in data-category: one of ${listOf(Object.keys(categories))}.`)
    }
    for (let id of ids) {
      let category = id.replace(/^!/, '')
      if (!has(categories, category)) {
        warn(
          element,
          `names the category "${category}", which the configuration does not have, so it stays blocked whatever the visitor chooses`,
          `Use one of ${listOf(Object.keys(categories))}, or add categories.${category} to the configuration.`
        )
      }
    }
  }
  let checkMarkup = (root: ParentNode) => {
    if (root instanceof HTMLElement && root.matches(GATED)) checkGate(root)
    root.querySelectorAll<HTMLElement>(GATED).forEach(checkGate)
  }

  /** A settings link does nothing where no dialog is there to open. */
  let checkSettingsLink = (link: Element) => {
    if (!hasDialog()) {
      warn(
        link,
        'opens the cookie preferences, but this charto has no dialog, so the link does nothing',
        'Start charto with init() or the script tag, or give createConsent the ui extension; with a dialog of your own, call it from this link instead.'
      )
    }
  }

  /** A visitor must be able to change their mind at any time, from every page. */
  let checkWayBack = () => {
    if (hasDialog() && !ui.reopenButton && !document.querySelector(SETTINGS_LINK)) {
      warn(
        document.body || document.documentElement,
        'has neither a [data-charto-open] link nor the reopen button, so a visitor who decided has no way back to the preferences',
        'Add <a href="#" data-charto-open>Cookie settings</a> to the footer of every page, or set ui.reopenButton: true.'
      )
    }
  }

  let pageReady = () => {
    checkMarkup(document)
    document.querySelectorAll(SETTINGS_LINK).forEach(checkSettingsLink)
    checkWayBack()
  }
  // After every extension has started (this one starts last) and the page is parsed.
  let timer = setTimeout(() => (document.readyState == 'loading' ? document.addEventListener('DOMContentLoaded', pageReady) : pageReady()))

  let observer = new MutationObserver((records) => {
    for (let record of records) {
      if (record.type == 'attributes') checkGate(record.target as HTMLElement)
      record.addedNodes.forEach((node) => node instanceof HTMLElement && checkMarkup(node))
    }
  })
  observer.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-category', 'data-service'] })

  // A settings link added later is named when it is clicked.
  let click = (event: Event) => {
    let link = (event.composedPath() as Element[]).find((node) => node.matches?.(SETTINGS_LINK))
    if (link) checkSettingsLink(link)
  }
  document.addEventListener('click', click, true)

  // The script builds read the language files (dist/i18n/xx.global.js, which register on self.ChartoI18n) when charto
  // starts: one registered later is never used.
  let scope = self as { ChartoI18n?: Record<string, unknown> }
  let languages = scope.ChartoI18n || {}
  let watched = (scope.ChartoI18n = new Proxy(languages, {
    set(target, code, dictionary) {
      target[code as string] = dictionary
      warn(
        document.currentScript || document.documentElement,
        `registers the language "${String(code)}" after charto started, so the dialog never shows it`,
        "Put this language's <script> before charto's own <script> tag."
      )
      return true
    }
  }))

  return () => {
    clearTimeout(timer)
    document.removeEventListener('DOMContentLoaded', pageReady)
    document.removeEventListener('click', click, true)
    observer.disconnect()
    if (scope.ChartoI18n == watched) scope.ChartoI18n = languages
  }
}
