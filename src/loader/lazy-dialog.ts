// The dialog arrives only when a visitor needs it: a banner to show, a placeholder for a held embed, the reopen
// button, a settings link clicked, or show() called. A returning visitor's page never fetches it.
import type { Extension, ExtensionContext } from '../core/consent.js'
import type { BlockedDetail } from '../blocker/index.js'
import type { UiManager, UiMethods } from '../ui/index.js'

/**
 * The dialog once loaded: the ui extension, given the embeds that were held before it arrived. `init` imports `ui`;
 * the <script> loader makes it from the dialog chunk's createDialog (src/browser.ts).
 */
export type DialogFactory = (context: ExtensionContext, held: BlockedDetail[]) => void | (() => void)

const OPENERS = '[data-charto-open],[data-charto-do-not-sell]'

/**
 * Stands in for the dialog until it is needed, then loads it with `load` and hands over; `load` is told when the
 * reason is the preferences (a settings link, showPreferences()), so that it can fetch them at once. A chunk that
 * fails to load fails closed: nothing is granted, one `error` event says what failed, the page keeps working, and the
 * next reason to show the dialog (a click, show(), a reset) tries again.
 */
export const lazyDialog =
  (load: (preferences?: boolean) => Promise<DialogFactory>): Extension<UiMethods> =>
  (context) => {
    if (typeof document == 'undefined') return
    let m = context.manager as UiManager
    let held: BlockedDetail[] = []
    let loading: Promise<boolean> | undefined
    let stopDialog: void | (() => void)
    let stopped = false

    let start = (preferences?: boolean): Promise<boolean> =>
      (loading ||= load(preferences).then(
        (dialog) => {
          if (stopped) return false
          stopWatching.forEach((stop) => stop())
          document.removeEventListener('click', click, true)
          stopDialog = dialog(context, held)
          return true
        },
        (error) => {
          loading = undefined
          context.emit('error', error)
          return false
        }
      ))

    /** A stand-in method: loads the dialog, then calls the dialog's own method of that name. */
    let later = (name: 'show' | 'showPreferences') => () => void start(name != 'show').then((ok) => ok && m[name]())

    // A settings link clicked before the dialog is here: the click is held, and given again once it is.
    let click = (event: Event) => {
      let link = (event.composedPath() as Element[]).find((node) => node.matches?.(OPENERS)) as HTMLElement | undefined
      if (link) {
        event.preventDefault()
        event.stopImmediatePropagation()
        start(link.hasAttribute('data-charto-open')).then((ok) => ok && link!.click())
      }
    }
    document.addEventListener('click', click, true)

    let stopWatching = [
      m.on('blocked', (detail) => {
        held.push(detail)
        start()
      }),
      m.on('unblocked', ({ element }) => (held = held.filter((detail) => detail.element != element))),
      m.on('ready', ({ decided }) => (!decided || (context.config.ui || {}).reopenButton) && start()),
      m.on('change', ({ consent }) => consent.decided || start())
    ]

    Object.assign(m, {
      show: later('show'),
      showPreferences: later('showPreferences'),
      // Nothing is open before the dialog is here.
      hide() {}
    } satisfies UiMethods)

    return () => {
      stopped = true
      stopWatching.forEach((stop) => stop())
      document.removeEventListener('click', click, true)
      if (stopDialog) stopDialog()
    }
  }
