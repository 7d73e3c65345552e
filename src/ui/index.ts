// The consent dialog: banner, preferences centre, placeholders for held embeds and the reopen button.
// Built lazily in an open shadow root with createElement and text nodes only: configuration text is never parsed as HTML.
import type { ConsentManager, Extension, ExtensionContext } from '../core/consent.js'
import type { BlockedDetail } from '../blocker/index.js'
import type { ConsentState, CookieSpec } from '../core/types.js'
import en, { type Dictionary } from './i18n/en.js'
import css from './css.js'
import { has } from '../core/has.js'
import { attempt } from '../core/attempt.js'

export type { Dictionary }
type Deep<T> = { [K in keyof T]?: T[K] extends string ? string : Deep<T[K]> }
/** A full or partial dictionary: `translations: { de }` or `translations: { en: { banner: { title: 'Cookies' } } }`. */
export type Translation = Deep<Dictionary> & {
  services?: Record<string, { label?: string; description?: string }>
  [key: string]: unknown
}

export interface UiOptions {
  /** Default 'box'. 'modal' makes the banner a true modal with the page inert. */
  layout?: 'bar' | 'box' | 'modal'
  /** 'bottom' (default), 'top', 'bottom-left', 'top-left'… Right is the default side of the box. */
  position?: string
  /** Default 'auto' (follows prefers-color-scheme). */
  theme?: 'light' | 'dark' | 'auto'
  /** A floating button that opens the preferences on every page. Default false. */
  reopenButton?: boolean
  /** Nonce for the fallback <style> where constructable stylesheets are missing; default: the current script's. */
  nonce?: string
}

export type View = 'banner' | 'preferences'
/** What a dialog button does, in its `data-charto-action` attribute: public and stable, for tests and analytics. */
export type DialogAction = 'accept-all' | 'reject-all' | 'preferences' | 'save' | 'close' | 'load'

export interface UiMethods {
  /** Shows the first-layer banner. */
  show(): void
  showPreferences(): void
  /** Closes whatever is open, granting nothing. */
  hide(): void
}
export type UiManager = ConsentManager & UiMethods

type Child = Node | string
type El = HTMLElement & HTMLInputElement & HTMLDialogElement
type Texts = Record<string, { label?: string; description?: string }>

/** The only element factory: attributes (`on*` are listeners; falsy values are left out) and text or node children. */
const h = (tag: string, attrs: Record<string, any> = {}, ...children: Child[]): El => {
  let el = document.createElement(tag) as El
  for (let k in attrs) {
    let v = attrs[k]
    if (/^on/.test(k)) el.addEventListener(k.slice(2), v)
    else if (v) el.setAttribute(k, v === true ? '' : v)
  }
  el.append(...children)
  return el
}

/** http(s), mailto, or relative (no scheme before the first / ? #). No whitespace or control characters first. */
export const safeUrl = (url: string) => /^(?:https?:\/\/|mailto:|[^\s\x00-\x1f:/?#\\]*(?:[/?#]|$))/i.test(url)
const link = (label: string, url: string): Child => (safeUrl(url) ? h('a', { href: url }, label) : label)
/** Text with `[label](url)` links; anything else stays text. */
const md = (text = ''): Child[] =>
  String(text)
    .split(/\[([^\]]+)\]\(([^)\s]+)\)/)
    .map((part, i, all) => (i % 3 == 1 ? link(part, all[i + 1]) : i % 3 ? '' : part))
/** Deep merge of texts, key by key; null and undefined keep the value below. Also used by the <script> build. */
export const merge = (a: any, b: any): any => {
  let out = { ...a }
  for (let k in b) if (b[k] != null && k != '__proto__') out[k] = typeof b[k] == 'object' ? merge(out[k], b[k]) : b[k]
  return out
}
/** What a dialog opens on, and what its Tab wrap goes round: its first and last control. */
const CONTROLS = 'a[href],button'

/**
 * The UI extension: `createConsent(config, [gating, ui])`. Started later (by the loader, once the dialog is needed),
 * it is handed the embeds the blocker held before it was there.
 */
export const ui: Extension<UiMethods> & ((context: ExtensionContext, held?: BlockedDetail[]) => void | (() => void)) = (
  context: ExtensionContext,
  heldBeforeStart: BlockedDetail[] = []
) => {
  if (typeof document == 'undefined') return
  let m = context.manager as UiManager
  let config = context.config
  let { categories, services } = config
  let opts = (config.ui || {}) as UiOptions
  let layout = opts.layout || 'box'
  let translations = (config.translations || {}) as Record<string, Translation>
  let nonce = opts.nonce || (document.currentScript as HTMLScriptElement | null)?.nonce
  let doc = document.documentElement
  let sheet: CSSStyleSheet | undefined
  let host: El | undefined
  let root: ShadowRoot
  let swaps: MutationObserver
  let destroyed = false
  let status: El
  let fab: El | undefined
  let box: El | undefined
  let view: View | null = null
  let opener: any
  let fromBanner = false
  let outer: unknown
  let lang: string
  let dir: string
  let t: Dictionary & { services: Texts }
  let drawn = new Map<Element, (remove?: 1) => void>()

  let when = (fn: () => void) => (document.body ? fn() : document.addEventListener('DOMContentLoaded', fn))
  let deepActive = () => {
    let a: any = document.activeElement
    while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement
    return a
  }
  /** A `<charto-ui>` with its open shadow root, styled without inline styles (CSP). */
  let shadow = (attrs: Record<string, any>) => {
    let el = h('charto-ui', { theme: opts.theme || 'auto', ...attrs })
    let r = el.attachShadow({ mode: 'open' })
    try {
      if (!sheet) (sheet = new CSSStyleSheet()).replaceSync(css)
      r.adoptedStyleSheets = [sheet]
    } catch {
      r.append(h('style', { nonce }, css))
    }
    return [el, r] as const
  }
  /**
   * Into the top layer (a modal <dialog>, or a manual popover for the banner and the reopen button): there no filter,
   * transform or containment on the page's own elements can pull the dialog off screen. A dialog put back into the
   * page keeps `open` but is no longer modal, and showModal() refuses an open dialog: hence close() first. Out of the
   * document (after destroy()), showModal() would throw: nothing is shown.
   */
  let present = (el?: El) => el?.isConnected && (el.localName == 'dialog' ? (el.close?.(), el.showModal?.()) : el.showPopover?.())
  let mount = () => {
    if (!host) {
      ;[host, root] = shadow({ layout, position: opts.position || 'bottom' })
      root.append((status = h('div', { role: 'status', part: 'status' })))
      // A page that swaps its <body> (Turbo, pjax, `body.innerHTML = …`) takes the dialog with it: it comes back on
      // the next frame, in the new body. A frame, not a microtask, so a page that keeps removing it cannot freeze.
      swaps = new MutationObserver(() => host!.isConnected || requestAnimationFrame(mount))
    }
    if (!host.isConnected && document.body && !destroyed) {
      document.body.prepend(host)
      // The host lives in <body>: only <html>'s children (a new <body>) and <body>'s own can take it away.
      swaps.disconnect()
      swaps.observe(doc, { childList: true })
      swaps.observe(document.body, { childList: true })
      // Leaving the document took them out of the top layer: what was shown is shown again, as it was.
      present(box)
      present(fab)
    }
  }
  /**
   * A button with its public hook: `data-charto-action`, and a part named after the action beside `button` (the
   * Preferences button's is `preferences-button`: `preferences` already names the preferences centre).
   */
  let button = (label: string, onclick: () => void, action: DialogAction) =>
    h('button', { part: 'button ' + action + (action == 'preferences' ? '-button' : ''), 'data-charto-action': action, onclick }, label)
  /** A row of equal buttons: [label, onclick, action]. */
  let buttons = (...list: Parameters<typeof button>[]) => h('div', { part: 'buttons' }, ...list.map((args) => button(...args)))
  let name = (texts: Texts, id: string) => texts[id]?.label || id

  let choose = (code: string) => {
    lang =
      (code && code != 'auto' ? [code] : [doc.lang, ...navigator.languages])
        .flatMap((c) => [c, c.split('-')[0].toLowerCase()])
        .find((x) => x == 'en' || translations[x]) || 'en'
    // The language shown is the one the state and the consent record report.
    m.setLanguage(lang)
    dir = /^(ar|he|fa|ur|ps|yi|dv|ckb)\b/.test(lang) ? 'rtl' : 'ltr'
    t = [{ categories, services }, translations.en, translations[lang]].reduce(merge, en)
  }

  /** Closes the dialog and announces the decision just made. */
  let saved = () => {
    hide()
    mount()
    // A live region announces changes only: a second save in a row alternates a trailing no-break space.
    let text = t.preferences.saved
    status.textContent = status.textContent == text ? text + '\u00a0' : text
  }
  let acceptAll = () => {
    m.acceptAll()
    saved()
  }
  let rejectAll = () => {
    m.rejectAll()
    saved()
  }
  let custom = (choices: Record<string, boolean>) => {
    m.setConsent(choices, 'custom')
    saved()
  }
  let doNotSell = () => custom({ marketing: false })
  // Checked by the configuration's validation: a non-empty string, when set.
  let { endpoint } = (config.records || {}) as { endpoint?: string }
  // Callable from a <head> script: the dialog waits for <body> like the first banner does.
  let preferences = () => when(() => open('preferences'))
  let optOut = () => m.mode == 'opt-out'

  let banner = (): Child[] => {
    let b = t.banner
    let url = config.privacyPolicyUrl as string
    return [
      h('div', {}, h('h2', { id: 't' }, b.title), h('p', {}, ...md(optOut() ? b.notice : b.description), ...(url ? [' ', link(b.privacyPolicy, url)] : []))),
      buttons([b.acceptAll, acceptAll, 'accept-all'], [b.rejectAll, rejectAll, 'reject-all'], [b.preferences, preferences, 'preferences']),
      optOut() ? h('button', { part: 'link', onclick: doNotSell }, t.preferences.doNotSell) : ''
    ]
  }

  let preferencesCentre = (s: ConsentState): Child[] => {
    let p = t.preferences
    let inputs: Record<string, El> = {}
    /** A switch row and its description, for a category or a service. */
    let item = (kind: 'categories' | 'services', id: string, locked: unknown, onchange?: () => void) => [
      h(
        'div',
        { part: 'row' },
        h(
          'label',
          {},
          (inputs[id] = h('input', { type: 'checkbox', role: 'switch', checked: s[kind][id], disabled: !!locked, 'aria-describedby': 'd-' + id, onchange })),
          name(t[kind], id)
        ),
        locked && kind == 'categories' ? h('span', {}, p.alwaysOn) : ''
      ),
      h('p', { id: 'd-' + id }, ...md(t[kind][id]?.description))
    ]
    let cookies = (list: (string | CookieSpec)[] = [], provider?: string) =>
      list.map((c) => {
        let spec = typeof c == 'string' ? { name: c } : c
        return h(
          'tr',
          {},
          ...[spec.name, spec.provider || provider, spec.purpose, spec.duration, spec.thirdParty ? p.thirdParty : p.firstParty].map((x) => h('td', {}, x || ''))
        )
      })
    let category = (id: string) => {
      let locked = categories[id].required
      let own = Object.keys(services).filter((x) => services[x].category == id)
      let rows = [...cookies(categories[id].cookies), ...own.flatMap((x) => cookies(services[x].cookies, services[x].provider || name(t.services, x)))]
      return h(
        'div',
        { part: 'category' },
        ...item('categories', id, locked, () => own.map((x) => (inputs[x].checked = inputs[id].checked))),
        own.length + rows.length
          ? h(
              'details',
              {},
              h('summary', {}, p.details),
              ...own.map((x) => h('div', { part: 'service' }, ...item('services', x, locked))),
              rows.length
                ? h(
                    'div',
                    { part: 'table', role: 'region', tabindex: '0', 'aria-label': name(t.categories, id) + ': ' + p.cookies },
                    h('table', {}, h('tr', {}, ...[p.name, p.provider, p.purpose, p.duration, p.party].map((x) => h('th', { scope: 'col' }, x))), ...rows)
                  )
                : ''
            )
          : ''
      )
    }
    /** The consent id and a link to its receipt at the records service, `<endpoint>/<id>/receipt`: http(s) only. */
    let receipt = (id: string | null) => {
      let url = id && endpoint && attempt(() => new URL(endpoint!, location.href))
      if (!url || !/^https?:$/.test(url.protocol)) return ''
      url.pathname = url.pathname.replace(/\/*$/, '/') + encodeURIComponent(id!) + '/receipt'
      return h('p', { part: 'receipt' }, p.consentId.replace('{id}', () => id!), ' ', h('a', { href: url.href }, p.receipt))
    }
    let save = () => {
      let choices: Record<string, boolean> = {}
      for (let id of Object.keys(inputs)) if (!inputs[id].disabled) choices[id] = inputs[id].checked
      custom(choices)
    }
    return [
      h('button', { part: 'close', 'data-charto-action': 'close', 'aria-label': p.close, onclick: back }, '×'),
      h('h2', { id: 't' }, p.title),
      h('p', {}, ...md(p.description)),
      s.gpc && optOut() ? h('p', { role: 'status', part: 'note' }, p.gpc) : '',
      ...Object.keys(categories).map(category),
      receipt(s.id),
      buttons([p.rejectAll, rejectAll, 'reject-all'], [p.acceptAll, acceptAll, 'accept-all'], [p.save, save, 'save'])
    ]
  }

  let keys = (e: KeyboardEvent) => {
    // `cancel`: the browser's own close request (Escape with focus outside the dialog, a back gesture) goes the same way.
    if (e.key == 'Escape' || e.type == 'cancel') {
      e.preventDefault()
      back()
    }
    if (e.key == 'Tab' && box!.localName == 'dialog') {
      let all = box!.querySelectorAll<HTMLElement>(CONTROLS)
      let ends = [all[0], all[all.length - 1]]
      if (e.shiftKey) ends.reverse()
      let a = root.activeElement
      // also when the dialog itself has focus (a click on its text): Shift+Tab would leave it
      if (a == ends[1] || a == box || !box!.contains(a)) {
        e.preventDefault()
        ends[0].focus()
      }
    }
  }

  /** Opens a view; `quiet` (first banner at load) leaves focus where it is. */
  let open = (next: View, quiet?: boolean, from?: Element) => {
    mount()
    let active = from || deepActive()
    if (view != next) fromBanner = view == 'banner'
    if ((outer = !box || !box.contains(active))) opener = active
    box?.remove()
    let modal = next == 'preferences' || layout == 'modal'
    box = h(
      modal ? 'dialog' : 'section',
      {
        part: next,
        role: !modal && 'region',
        'aria-modal': modal && 'true',
        'aria-labelledby': 't',
        lang,
        dir,
        popover: !modal && 'manual',
        onkeydown: keys,
        oncancel: keys
      },
      ...(next == 'banner' ? banner() : preferencesCentre(m.getConsent()))
    )
    root.prepend(box)
    present(box)
    // keeps the focused page element clear of the banner (WCAG 2.4.11)
    if (!modal) doc.style.scrollPadding = box.offsetHeight + 'px 0'
    view = next
    if (!quiet) box.querySelector<HTMLElement>(CONTROLS)?.focus()
    context.emit('show', { view: next })
  }

  let hide = () => {
    if (view) {
      let was = view
      box!.remove()
      box = undefined
      view = null
      doc.style.scrollPadding = ''
      context.emit('hide', { view: was })
      opener?.focus?.()
    }
  }

  /** Escape or the close button: back to the banner while undecided, otherwise closed. Never grants. */
  let back = () => {
    // A modal banner is a consent wall: it waits for a choice (Reject all is one Tab away), Escape does not lift it.
    if (view == 'banner' && layout == 'modal') return
    if (view == 'preferences' && fromBanner && !m.getConsent().decided) {
      let out = outer && opener != document.body
      open('banner', true)
      // focus returns to the opener: the banner's Preferences button, or the page element (link, placeholder) outside it
      ;(out ? opener : box!.querySelectorAll('button')[2]).focus()
    } else hide()
  }

  let click = (e: Event) => {
    // composedPath: a link inside a web component's shadow root (a site footer component) counts too.
    let el = (e.composedPath() as Element[]).find((node) => node.matches?.('[data-charto-open],[data-charto-do-not-sell]'))
    if (el) {
      e.preventDefault()
      el.hasAttribute('data-charto-open') ? open('preferences', false, el) : doNotSell()
    }
  }
  document.addEventListener('click', click)

  choose(m.language || 'auto')

  let placeholder = ({ element, categories: held, service }: BlockedDetail) => {
    if (drawn.has(element)) return
    let [el, r] = shadow({})
    let { offsetWidth: width, offsetHeight: height, style } = element
    let display = style.display
    // A group named by its own text, so each "Load this content" says which embed it loads (ids are per shadow root).
    let card = h('div', { part: 'placeholder', role: 'group', 'aria-labelledby': 'p' })
    if (width) card.style.width = width + 'px'
    if (height) card.style.height = height + 'px'
    r.append(card)
    let draw = (remove?: 1) => {
      if (remove) {
        el.remove()
        style.display = display
        return drawn.delete(element)
      }
      let cats = (service && has(services, service) ? [services[service].category] : held).map((c) => name(t.categories, c)).join(', ')
      let p = t.placeholder
      let text = p.text.replace('{service}', () => (service ? name(t.services, service) : element.title || cats)).replace('{category}', () => cats)
      Object.assign(card, { lang, dir })
      // Granting in place needs something to grant: a configured service, or known categories. A `!id` embed (shown
      // while a category is refused) or a misspelt id only offers the preferences.
      let grant = service && has(services, service) ? { [service]: true } : held.every((c) => has(categories, c)) && Object.fromEntries(held.map((c) => [c, true]))
      card.replaceChildren(
        h('p', { id: 'p' }, text),
        grant
          ? buttons([p.load, () => m.setConsent(grant as Record<string, boolean>, 'custom'), 'load'], [p.preferences, preferences, 'preferences'])
          : buttons([p.preferences, preferences, 'preferences'])
      )
    }
    drawn.set(element, draw)
    draw()
    element.before(el)
    style.display = 'none'
  }
  m.on('blocked', placeholder)
  heldBeforeStart.forEach(placeholder)
  m.on('unblocked', ({ element }: { element: Element }) => drawn.get(element)?.(1))

  m.on('ready', () =>
    when(() => {
      if (!m.getConsent().decided) open('banner', true)
      if (opts.reopenButton) {
        mount()
        root.append((fab = h('button', { part: 'reopen', popover: 'manual', 'data-charto-action': 'preferences', 'aria-label': t.preferences.title, onclick: preferences })))
        present(fab)
      }
    })
  )
  m.on('change', ({ consent }: { consent: ConsentState }) => (consent.decided ? view == 'banner' && hide() : when(() => open('banner'))))

  Object.assign(m, {
    show: () => when(() => open('banner')),
    showPreferences: preferences,
    hide
  } satisfies UiMethods)

  // setLanguage(), or the language picked for 'auto' when it is not the one shown.
  m.on('language', (code) => {
    if (code != lang) {
      choose(code)
      if (view) {
        // Drawn again in the new language with the same structure: unsaved switches, open sections and focus stay.
        let controls = () => [...box!.querySelectorAll<El>('input,details,button,a,[tabindex]')]
        let before = controls()
        let focused = before.indexOf(root.activeElement as El)
        open(view, true, opener)
        controls().forEach((el, i) => (el.localName == 'input' ? (el.checked = before[i].checked) : el.localName == 'details' && (el.open = (before[i] as any).open)))
        controls()[focused]?.focus()
      }
      fab?.setAttribute('aria-label', t.preferences.title)
      drawn.forEach((draw) => draw())
    }
  })

  return () => {
    document.removeEventListener('click', click)
    hide()
    destroyed = true
    swaps?.disconnect()
    host?.remove()
    drawn.forEach((draw) => draw(1))
  }
}
