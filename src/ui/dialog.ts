// The consent dialog: banner, preferences centre, placeholders for held embeds and the reopen button, composed here.
// Built lazily in an open shadow root with createElement and text nodes only: configuration text is never parsed as HTML.
// The preferences centre is not imported here: it comes from `loadPreferences`, at once (npm, the single-file build)
// or as a chunk of its own (the <script> build), so that the dialog chunk a first visit downloads does not carry it.
import type { Extension, ExtensionContext } from '../core/consent.js'
import type { BlockedDetail } from '../blocker/index.js'
import type { ConsentState } from '../core/types.js'
import en from './i18n/en.js'
import { createElement, type DialogElement } from './element.js'
import { addStyles, createShadowHost, present } from './shadow-host.js'
import { deepActiveElement, focusFirstControl, wrapTab } from './focus.js'
import { merge, directionOf } from './translations.js'
import { bannerContent } from './banner.js'
import { placeholders } from './placeholder.js'
import { reopenButton } from './reopen-button.js'
import type { DialogActions, DialogTexts, LoadPreferences, PreferencesView, Translation, UiManager, UiMethods, UiOptions, View } from './types.js'

/** The UI extension. Started later (by the loader, once the dialog is needed), it is handed the embeds the blocker held before it was there. */
export type Dialog = Extension<UiMethods> & ((context: ExtensionContext, held?: BlockedDetail[]) => void | (() => void))

/** The dialog, with the preferences centre from `loadPreferences`: the module itself, or a promise of it. */
export const createDialog =
  (loadPreferences: LoadPreferences): Dialog =>
  (context: ExtensionContext, heldBeforeStart: BlockedDetail[] = []) => {
    if (typeof document == 'undefined') return
    let m = context.manager as UiManager
    let config = context.config
    let { categories, services } = config
    let opts = (config.ui || {}) as UiOptions
    let layout = opts.layout || 'box'
    let translations = (config.translations || {}) as Record<string, Translation>
    let nonce = opts.nonce || (document.currentScript as HTMLScriptElement | null)?.nonce
    let theme = opts.theme || 'auto'
    let doc = document.documentElement
    /** The host of the banner, the preferences centre, the reopen button and the status message. */
    let host: DialogElement | undefined
    let root: ShadowRoot
    let swaps: MutationObserver
    let destroyed = false
    /** A live region that announces a saved decision. */
    let status: DialogElement
    let reopen: DialogElement | undefined
    /** The open banner or preferences centre. */
    let box: DialogElement | undefined
    let view: View | null = null
    /** Counts the views opened and closed: a preferences centre that was waited for opens only if none was since. */
    let moves = 0
    /** What had focus before the dialog opened: focus goes back to it. */
    let opener: any
    let fromBanner = false
    let outer: unknown
    let lang: string
    let dir: string
    let t: DialogTexts
    /** The preferences centre once it is here, and its chunk while it loads. */
    let preferencesView: PreferencesView | undefined
    let loadingPreferences: Promise<void> | undefined
    /** Whether the preferences centre's styles are in the shadow root yet. */
    let preferencesStyled = false

    let when = (fn: () => void) => (document.body ? fn() : document.addEventListener('DOMContentLoaded', fn))

    let mount = () => {
      if (!host) {
        ;[host, root] = createShadowHost({ theme, layout, position: opts.position || 'bottom' }, nonce)
        root.append((status = createElement('div', { role: 'status', part: 'status' })))
        // A visitor about to open the preferences (pointer over, or focus on, the banner's Preferences button or the
        // reopen button): fetched now, the click rarely waits for it.
        let intent = (event: Event) => (event.target as Element).matches?.('[data-charto-action=preferences]') && fetchPreferences()
        root.addEventListener('pointerover', intent)
        root.addEventListener('focusin', intent)
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
        present(reopen)
      }
    }

    let choose = (code: string) => {
      lang =
        (code && code != 'auto' ? [code] : [doc.lang, ...navigator.languages])
          .flatMap((c) => [c, c.split('-')[0].toLowerCase()])
          .find((x) => x == 'en' || translations[x]) || 'en'
      // The language shown is the one the state and the consent record report.
      m.setLanguage(lang)
      dir = directionOf(lang)
      // The layers of dialogTexts (./texts.ts, which `charto declaration` reads), in its order. Written out here: the
      // call cost 21 to 53 B brotli in the dialog chunk (measured three ways), for the same four words.
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
    let decide = (decision: () => void) => () => {
      decision()
      saved()
    }
    /**
     * Fetches the preferences centre unless it is here or on its way; returns the fetch while it is on its way. One
     * that fails grants nothing: one `error` event says what failed, and the next ask tries again.
     */
    let fetchPreferences = () => {
      if (!preferencesView && !loadingPreferences) {
        let loaded = loadPreferences()
        if ('then' in loaded)
          loadingPreferences = loaded.then(
            (arrived) => void (preferencesView = arrived),
            (error) => {
              loadingPreferences = undefined
              context.emit('error', error)
            }
          )
        else preferencesView = loaded
      }
      return preferencesView ? undefined : loadingPreferences
    }

    /**
     * Opens the preferences centre: at once when it is here, otherwise once it has loaded, unless the dialog moved on
     * while it loaded (a decision made, another view opened, destroyed). Until then the banner stays as it is and focus
     * stays where it was.
     */
    let openPreferences = (from?: Element) => {
      let asked = moves
      let loading = fetchPreferences()
      if (!loading) open('preferences', false, from)
      else loading.then(() => preferencesView && moves == asked && !destroyed && open('preferences', false, from))
    }

    // Callable from a <head> script: the dialog waits for <body> like the first banner does.
    let preferences = () => when(() => openPreferences())
    let saveChoices = (choices: Record<string, boolean>) => decide(() => m.setConsent(choices, 'custom'))()
    let actions: DialogActions = {
      acceptAll: decide(m.acceptAll),
      rejectAll: decide(m.rejectAll),
      saveChoices,
      showPreferences: preferences,
      doNotSell: () => saveChoices({ marketing: false })
    }

    let keys = (e: KeyboardEvent) => {
      // `cancel`: the browser's own close request (Escape with focus outside the dialog, a back gesture) goes the same way.
      if (e.key == 'Escape' || e.type == 'cancel') {
        e.preventDefault()
        back()
      }
      if (e.key == 'Tab' && box!.localName == 'dialog') wrapTab(e, box!, root)
    }

    /** Opens a view; `quiet` (first banner at load) leaves focus where it is. */
    let open = (next: View, quiet?: boolean, from?: Element) => {
      mount()
      let active = from || deepActiveElement()
      if (view != next) {
        fromBanner = view == 'banner'
        moves++
      }
      if ((outer = !box || !box.contains(active))) opener = active
      box?.remove()
      let modal = next == 'preferences' || layout == 'modal'
      // The preferences centre's own styles join the dialog's the first time it opens.
      if (next == 'preferences' && !preferencesStyled) {
        addStyles(root, preferencesView!.styles, nonce)
        preferencesStyled = true
      }
      box = createElement(
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
        ...(next == 'banner'
          ? bannerContent(t, actions, config, m.mode)
          : preferencesView!.content(t, m.getConsent(), config, actions, back, m.mode))
      )
      root.prepend(box)
      present(box)
      // keeps the focused page element clear of the banner (WCAG 2.4.11)
      if (!modal) doc.style.scrollPadding = box.offsetHeight + 'px 0'
      view = next
      if (!quiet) focusFirstControl(box)
      context.emit('show', { view: next })
    }

    let hide = () => {
      if (view) {
        let was = view
        moves++
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
        ;(out ? opener : box!.querySelector('[data-charto-action=preferences]')!).focus()
      } else hide()
    }

    let click = (e: Event) => {
      // composedPath: a link inside a web component's shadow root (a site footer component) counts too.
      let el = (e.composedPath() as Element[]).find((node) => node.matches?.('[data-charto-open],[data-charto-do-not-sell]'))
      if (el) {
        e.preventDefault()
        el.hasAttribute('data-charto-open') ? openPreferences(el) : actions.doNotSell()
      }
    }
    document.addEventListener('click', click)

    choose(m.language || 'auto')

    let drawPlaceholders = placeholders(m, heldBeforeStart, () => ({ texts: t, language: lang, direction: dir }), preferences, { theme }, nonce)

    m.on('ready', () =>
      when(() => {
        if (!m.getConsent().decided) open('banner', true)
        if (opts.reopenButton) {
          mount()
          root.append((reopen = reopenButton(t.preferences.title, preferences)))
          present(reopen)
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
          let controls = () => [...box!.querySelectorAll<DialogElement>('input,details,button,a,[tabindex]')]
          let before = controls()
          let focused = before.indexOf(root.activeElement as DialogElement)
          open(view, true, opener)
          controls().forEach((el, i) => (el.localName == 'input' ? (el.checked = before[i].checked) : el.localName == 'details' && (el.open = (before[i] as any).open)))
          controls()[focused]?.focus()
        }
        reopen?.setAttribute('aria-label', t.preferences.title)
        drawPlaceholders()
      }
    })

    return () => {
      document.removeEventListener('click', click)
      hide()
      destroyed = true
      swaps?.disconnect()
      host?.remove()
      drawPlaceholders(1)
    }
  }
