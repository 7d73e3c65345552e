// The consent dialog: banner, preferences centre, placeholders for held embeds and the reopen button.
// Built lazily in an open shadow root, from createElement/textContent only (never innerHTML with config text).
import type { ConsentManager, Extension } from '../core/consent.js'
import type { ConsentState, CookieSpec } from '../core/types.js'
import en, { type Dictionary } from './i18n/en.js'
import css from './css.js'

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

export interface UiMethods {
  /** Shows the first-layer banner. */
  show(): void
  showPreferences(): void
  /** Closes whatever is open, granting nothing. */
  hide(): void
  /** Switches the language at runtime ('auto' or a code among the registered translations). */
  setLanguage(code: string): void
}
export type UiManager = ConsentManager & UiMethods

type Child = Node | string
type El = HTMLElement & HTMLInputElement & HTMLDialogElement

/** The only element factory: attributes (`on*` are listeners; null/false skipped) and text or node children. */
const h = (tag: string, attrs: Record<string, any> = {}, ...children: Child[]): El => {
  let el = document.createElement(tag) as El
  for (let k in attrs) {
    let v = attrs[k]
    if (k[0] == 'o' && k[1] == 'n') el.addEventListener(k.slice(2), v)
    else if (v != null && v !== false) el.setAttribute(k, v === true ? '' : v)
  }
  el.append(...children)
  return el
}

/** http(s), mailto, or relative (no scheme before the first / ? #). No whitespace or control characters first. */
export const safeUrl = (url: string) => /^(?:https?:\/\/|mailto:|[^\s\x00-\x1f:/?#\\]*(?:[/?#]|$))/i.test(url)
const link = (label: string, url: string): Child => (safeUrl(url) ? h('a', { href: url }, label) : label)
/** Text with `[label](url)` links; anything else stays text. */
const md = (text: string): Child[] =>
  String(text)
    .split(/\[([^\]]+)\]\(([^)\s]+)\)/)
    .map((part, i, all) => (i % 3 == 1 ? link(part, all[i + 1]) : i % 3 ? '' : part))
/** Deep merge of texts, key by key; null and undefined keep the value below. Also used by the <script> build. */
export const merge = (a: any, b: any): any => {
  let out = { ...a }
  for (let k in b) if (b[k] != null && k != '__proto__') out[k] = typeof b[k] == 'object' ? merge(out[k], b[k]) : b[k]
  return out
}

/** The UI extension: `createConsent(config, [gating, ui])`. */
export const ui: Extension = (manager) => {
  if (typeof document == 'undefined') return
  let m = manager as UiManager
  let config = m.config
  let opts = (config.ui || {}) as UiOptions
  let layout = opts.layout || 'box'
  let translations = (config.translations || {}) as Record<string, Translation>
  let nonce = opts.nonce || (document.currentScript as HTMLScriptElement | null)?.nonce
  let doc = document.documentElement
  let sheet: CSSStyleSheet | undefined
  let host: El | undefined
  let root: ShadowRoot
  let status: El
  let fab: El | undefined
  let box: El | undefined
  let view: View | null = null
  let opener: any
  let fromBanner = false
  let outer: unknown
  let lang: string
  let dir: string
  let t: Dictionary & { services: Record<string, { label?: string; description?: string }> }
  let drawn = new Map<Element, (remove?: 1) => void>()

  let when = (fn: () => void) => (document.body ? fn() : document.addEventListener('DOMContentLoaded', fn))
  let deepActive = () => {
    let a: any = document.activeElement
    while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement
    return a
  }
  let style = (r: ShadowRoot) => {
    try {
      if (!sheet) {
        let s = new CSSStyleSheet()
        s.replaceSync(css)
        sheet = s
      }
      r.adoptedStyleSheets = [sheet]
    } catch {
      r.append(h('style', { nonce }, css))
    }
  }
  let shadow = (attrs: Record<string, any>) => {
    let el = h('charto-ui', { theme: opts.theme || 'auto', ...attrs })
    let r = el.attachShadow({ mode: 'open' })
    style(r)
    return [el, r] as const
  }
  let mount = () => {
    if (!host) {
      ;[host, root] = shadow({ layout, position: opts.position || 'bottom' })
      root.append((status = h('div', { role: 'status', part: 'status' })))
      document.body.prepend(host)
    }
  }
  let say = (text: string) => {
    mount()
    status.textContent = text
  }
  let button = (label: string, onclick: () => void, part = 'button') => h('button', { part, onclick }, label)
  type Kind = 'categories' | 'services'
  let name = (kind: Kind, id: string) => (t[kind][id] || {}).label || id

  let choose = (code: string) => {
    lang =
      (code && code != 'auto' ? [code] : [doc.lang, ...navigator.languages])
        .flatMap((c) => (c ? [c, c.split('-')[0].toLowerCase()] : []))
        .find((x) => x == 'en' || translations[x]) || 'en'
    // The language shown is the one the state and the consent record report.
    config.language = lang
    dir = /^(ar|he|fa|ur|ps|yi|dv|ckb)\b/.test(lang) ? 'rtl' : 'ltr'
    t = [{ categories: config.categories, services: config.services }, translations.en, translations[lang]].reduce(merge, en)
  }

  let decide = (fn: () => void) => {
    fn()
    hide()
    say(t.preferences.saved)
  }
  let acceptAll = () => decide(m.acceptAll)
  let rejectAll = () => decide(m.rejectAll)
  let doNotSell = () => decide(() => m.setConsent({ marketing: false }, 'custom'))

  let banner = (): Child[] => {
    let b = t.banner
    let url = config.privacyPolicyUrl as string
    return [
      h('div', {}, h('h2', { id: 't' }, b.title), h('p', {}, ...md(config.mode == 'opt-out' ? b.notice : b.description), ...(url ? [' ', link(b.privacyPolicy, url)] : []))),
      h('div', { part: 'buttons' }, button(b.acceptAll, acceptAll), button(b.rejectAll, rejectAll), button(b.preferences, () => open('preferences'))),
      config.mode == 'opt-out' ? button(t.preferences.doNotSell, doNotSell, 'link') : ''
    ]
  }

  let preferences = (s: ConsentState): Child[] => {
    let p = t.preferences
    let inputs: Record<string, El> = {}
    /** A switch row and its description: for a category or a service. */
    let item = (kind: Kind, id: string, locked: unknown, onchange?: () => void) => [
      h(
        'div',
        { part: 'row' },
        h(
          'label',
          {},
          (inputs[id] = h('input', { type: 'checkbox', role: 'switch', checked: s[kind][id], disabled: !!locked, 'aria-describedby': 'd-' + id, onchange })),
          name(kind, id)
        ),
        locked && kind == 'categories' ? h('span', {}, p.alwaysOn) : ''
      ),
      h('p', { id: 'd-' + id }, ...md(t[kind][id]?.description || ''))
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
      let locked = config.categories[id].required
      let services = Object.keys(config.services).filter((x) => config.services[x].category == id)
      let rows = [...cookies(config.categories[id].cookies), ...services.flatMap((x) => cookies(config.services[x].cookies, config.services[x].provider || name('services', x)))]
      return h(
        'div',
        { part: 'category' },
        ...item('categories', id, locked, () => services.map((x) => (inputs[x].checked = inputs[id].checked))),
        services.length + rows.length
          ? h(
              'details',
              {},
              h('summary', {}, p.details),
              ...services.map((x) => h('div', { part: 'service' }, ...item('services', x, locked))),
              rows.length
                ? h(
                    'div',
                    { part: 'table', role: 'region', tabindex: 0, 'aria-label': name('categories', id) + ': ' + p.cookies },
                    h('table', {}, h('tr', {}, ...[p.name, p.provider, p.purpose, p.duration, p.party].map((x) => h('th', { scope: 'col' }, x))), ...rows)
                  )
                : ''
            )
          : ''
      )
    }
    let save = () => {
      let choices: Record<string, boolean> = {}
      for (let id in inputs) if (!inputs[id].disabled) choices[id] = inputs[id].checked
      decide(() => m.setConsent(choices, 'custom'))
    }
    return [
      h('button', { part: 'close', 'aria-label': p.close, onclick: back }, '×'),
      h('h2', { id: 't' }, p.title),
      h('p', {}, ...md(p.description)),
      s.gpc && config.mode == 'opt-out' ? h('p', { role: 'status', part: 'note' }, p.gpc) : '',
      ...Object.keys(config.categories).map(category),
      h('div', { part: 'buttons' }, button(p.rejectAll, rejectAll), button(p.acceptAll, acceptAll), button(p.save, save))
    ]
  }

  let keys = (e: KeyboardEvent) => {
    // `cancel`: the browser's own close request (Escape with focus outside the dialog, a back gesture) goes the same way.
    if (e.key == 'Escape' || e.type == 'cancel') {
      e.preventDefault()
      back()
    }
    if (e.key == 'Tab' && box!.localName == 'dialog') {
      let all = box!.querySelectorAll<HTMLElement>('a[href],button,input:not([disabled]),summary,[tabindex]')
      let [first, last] = e.shiftKey ? [all[all.length - 1], all[0]] : [all[0], all[all.length - 1]]
      let a = root.activeElement
      // also when the dialog itself has focus (a click on its text): Shift+Tab would leave it
      if (a == last || a == box || !box!.contains(a)) {
        e.preventDefault()
        first.focus()
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
        role: modal ? null : 'region',
        'aria-modal': modal && 'true',
        'aria-labelledby': 't',
        lang,
        dir,
        onkeydown: keys,
        oncancel: keys
      },
      ...(next == 'banner' ? banner() : preferences(m.getConsent()))
    )
    root.prepend(box)
    if (modal) box.showModal?.()
    // keeps the focused page element clear of the banner (WCAG 2.4.11)
    else doc.style.scrollPadding = box.offsetHeight + 'px 0'
    view = next
    if (!quiet) box.querySelector<HTMLElement>('a[href],button,input:not([disabled])')?.focus()
    m.emit('show', { view: next })
  }

  let hide = () => {
    if (view) {
      let was = view
      box!.remove()
      box = undefined
      view = null
      doc.style.scrollPadding = ''
      m.emit('hide', { view: was })
      opener?.focus?.()
    }
  }

  /** Escape or the close button: back to the banner while undecided, otherwise closed. Never grants. */
  let back = () => {
    if (view == 'preferences' && fromBanner && !m.getConsent().decided) {
      let out = outer && opener != document.body
      open('banner', true)
      // focus returns to the opener: the banner's Preferences button, or the page element (link, placeholder) outside it
      ;(out ? opener : box!.querySelectorAll('button')[2]).focus()
    } else hide()
  }

  let click = (e: Event) => {
    let el = (e.target as Element).closest?.('[data-charto-open],[data-charto-do-not-sell]')
    if (el) {
      e.preventDefault()
      el.hasAttribute('data-charto-open') ? open('preferences', false, el) : doNotSell()
    }
  }
  document.addEventListener('click', click)

  let render = () => {
    if (view) open(view, true, opener)
    fab?.setAttribute('aria-label', t.preferences.title)
    drawn.forEach((draw) => draw())
  }

  choose(config.language as string)

  m.on('blocked', ({ element, categories, service }: { element: HTMLElement; categories: string[]; service?: string }) => {
    if (drawn.has(element)) return
    let [el, r] = shadow({})
    let width = element.offsetWidth
    let height = element.offsetHeight
    let display = element.style.display
    // A group named by its own text, so each "Load this content" says which embed it loads (ids are per shadow root).
    let card = h('div', { part: 'placeholder', role: 'group', 'aria-labelledby': 'p' })
    if (width) card.style.width = width + 'px'
    if (height) card.style.height = height + 'px'
    r.append(card)
    let draw = (remove?: 1) => {
      if (remove) {
        el.remove()
        element.style.display = display
        return drawn.delete(element)
      }
      let cats = (service && config.services[service] ? [config.services[service].category] : categories).map((c) => name('categories', c)).join(', ')
      let text = t.placeholder.text.replace('{service}', () => (service ? name('services', service) : element.title || cats)).replace('{category}', () => cats)
      Object.assign(card, { lang, dir })
      card.replaceChildren(
        h('p', { id: 'p' }, text),
        h(
          'div',
          { part: 'buttons' },
          button(t.placeholder.load, () => m.setConsent(service ? { [service]: true } : Object.fromEntries(categories.map((c) => [c, true])), 'custom')),
          button(t.placeholder.preferences, () => open('preferences'))
        )
      )
    }
    drawn.set(element, draw)
    draw()
    element.before(el)
    element.style.display = 'none'
  })
  m.on('unblocked', ({ element }: { element: Element }) => drawn.get(element)?.(1))

  m.on('ready', () =>
    when(() => {
      if (!m.getConsent().decided) open('banner', true)
      if (opts.reopenButton) {
        mount()
        let svg = 'http://www.w3.org/2000/svg'
        let icon = document.createElementNS(svg, 'svg')
        let path = document.createElementNS(svg, 'path')
        icon.setAttribute('viewBox', '0 0 24 24')
        path.setAttribute('d', 'M12 3a9 9 0 1 0 9 9 3 3 0 0 1-4-3 3 3 0 0 1-3-4 3 3 0 0 1-2-2ZM8 11h.01M10 16h.01M15 15h.01')
        icon.append(path)
        root.append((fab = h('button', { part: 'reopen', 'aria-label': t.preferences.title, onclick: () => open('preferences') }, icon)))
      } else if (/^(localhost|127\.|\[)|\.(test|local)$/.test(location.hostname) && !document.querySelector('[data-charto-open]')) {
        // development only (local host names): the EU-5 way back is missing
        console.warn('charto: add a [data-charto-open] link or ui.reopenButton (EU-5)')
      }
    })
  )
  m.on('change', ({ consent }: { consent: ConsentState }) =>
    consent.decided ? view == 'banner' && hide() : when(() => open('banner'))
  )

  Object.assign(m, {
    show: () => open('banner'),
    showPreferences: () => open('preferences'),
    hide,
    setLanguage(code: string) {
      choose(code)
      render()
    }
  } satisfies UiMethods)

  return () => {
    document.removeEventListener('click', click)
    hide()
    host?.remove()
    drawn.forEach((draw) => draw(1))
  }
}
