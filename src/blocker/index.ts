// Gating (contract in the README, "Blocking scripts and embeds until consent"): marked-up scripts, iframes, images and
// media, auto-block of matching scripts and iframes created from JavaScript (`autoBlock: true`), config-loaded scripts
// and callbacks, and clearing of cookies and storage on withdrawal (`cleared`), with `reloadOnRevoke`. Each job has a
// file of its own; this one connects them to the consent state. The clearing is handed over: the npm `blocker` and
// the single-file build have it at hand, the <script>-tag loader fetches it as a chunk (src/blocker/lazy-clear.ts).
import type { Extension } from '../core/consent.js'
import { has } from '../core/has.js'
import { createMarkupGate, type HeldElement } from './markup.js'
import { createScriptRevival } from './revival.js'
import { createRelease } from './release.js'
import { insertConfiguredScripts } from './configured-scripts.js'
import { createAutoBlock } from './auto-block.js'
import { scanForGates, watchAddedNodes } from './observer.js'
import { clearDeclared } from './clear.js'
import type { ClearDeclared } from './lazy-clear.js'

export { clearCookies, clearStorage, cookieVariants, type ClearedDetail } from './clear.js'

/** `blocked` event detail: an embed (iframe, video, audio, embed, object) held until consent, for a placeholder. */
export interface BlockedDetail {
  element: HTMLElement
  /** The `data-category` ids as written (`!id` included). */
  categories: string[]
  service?: string
}

/**
 * The blocker, given the clearing: at hand in npm builds and the single file, a stand-in that fetches it as a chunk in
 * the <script>-tag loader (src/blocker/lazy-clear.ts).
 */
export const createBlocker =
  (clear: ClearDeclared): Extension =>
  ({ manager, config, emit }) => {
    if (typeof document == 'undefined') return
    let { services, categories, autoBlock, reloadOnRevoke } = config
    let isGranted = manager.isGranted
    // The nonce charto runs with (README, Content Security Policy): see the script revival.
    let nonce = (document.currentScript as HeldElement | null)?.nonce || ''
    // `reloadOnRevoke` counts from `ready`: a withdrawal before it (the GPC decision at init) found nothing running.
    let reloadArmed: unknown = false
    let decided = false

    let mayLoad = createMarkupGate(categories, services, isGranted)
    let { revive_, refusal_, trustConfigured_ } = createScriptRevival(nonce, mayLoad, emit)
    let { releaseGate_, unloadWithdrawn_ } = createRelease(mayLoad, revive_, emit)
    insertConfiguredScripts(services, nonce, trustConfigured_, emit)
    // Only with `autoBlock: true` and a service that lists URL patterns.
    let autoBlocking = autoBlock ? createAutoBlock(services, isGranted) : undefined
    let stopAutoBlock = autoBlocking?.watchCreatedElements_()

    /**
     * A script in the HTML is seen before the parser runs it (the browser may have fetched it already). It loads from
     * `src`; in SVG from `href`, or the older `xlink:href`, held in `data-href`. Released later, it would no longer count
     * as the parser's (see the script revival's nonce rule): without the nonce, it is only stopped.
     */
    let holdParsedScript = (script: HeldElement) => {
      let name = script instanceof SVGElement ? (script.hasAttribute('href') ? 'href' : 'xlink:href') : 'src'
      let url = script.getAttribute(name)
      let as = name == 'src' ? name : 'href'
      let refused = url && autoBlocking!.hold_(script, url, as) && (script.removeAttribute(name), refusal_(script))
      if (refused) delete script.dataset[as], emit('error', refused)
    }
    let stopWatching = watchAddedNodes(releaseGate_, autoBlocking ? holdParsedScript : undefined)

    // A host callback that throws is reported as an `error` event and breaks nothing.
    let callHosts = (ids: string[], hook: 'onAccept' | 'onReject') =>
      ids.forEach((id) => {
        try {
          has(services, id) && services[id][hook]?.()
        } catch (error) {
          emit('error', error)
        }
      })

    let stops = [
      manager.on('ready', () => {
        reloadArmed = reloadOnRevoke
        decided = manager.getConsent().decided
        scanForGates(document, releaseGate_)
        callHosts(Object.keys(services).filter(isGranted), 'onAccept')
      }),
      manager.on('change', ({ consent, granted, revoked, stored }) => {
        unloadWithdrawn_()
        scanForGates(document, releaseGate_)
        // The first decision on a page may follow an expired or older-revision one whose grants left cookies behind:
        // what it refuses is cleared too, quietly, as rejecting what was once granted always clears it.
        if (!decided && consent.decided && !revoked.length) {
          clear(config, [consent.categories, consent.services].flatMap((state) => Object.keys(state).filter((id) => !state[id])), emit, true)
        }
        decided = consent.decided
        callHosts(granted, 'onAccept')
        callHosts(revoked, 'onReject')
        // `change` reaches every handler synchronously, in registration order; a task queued after the clearing runs
        // once all of them (Consent Mode update, record delivery, the host's listeners) are done, whatever the order.
        let reloading = reloadArmed && stored
        if (revoked.length) clear(config, revoked, emit).then(() => reloading && setTimeout(() => location.reload()))
      })
    ]

    return () => {
      stopWatching()
      stops.forEach((stop) => stop())
      stopAutoBlock?.()
    }
  }

/** Gating with the clearing at hand: the npm `blocker`, and the single-file build's. */
export const blocker: Extension = /* @__PURE__ */ createBlocker(clearDeclared)
