// Release of held markup: a gate's URLs go back in place once every gate on their path allows them, documents
// (frames, objects, embeds) are unloaded again on withdrawal, and embeds are announced as blocked and unblocked.
import type { ExtensionContext } from '../core/consent.js'
import { GATED, HELD_ATTRIBUTES, INERT_SCRIPT, WITH_HELD_URL, categoryIds, type HeldElement } from './markup.js'
import { setAttributeAsAllowed } from './attribute.js'

// Elements that load a document of their own, which keeps running (and setting cookies) until it is unloaded.
const DOCUMENTS = 'iframe,object,embed'
// What a placeholder stands in for while it is held.
const EMBEDS = 'iframe,video,audio,embed,object'

/**
 * Changes an element out of the page, then puts it back in its place: the browser processes it as newly inserted, and
 * loads (or unloads) it once.
 */
const detached = (node: Element, change: () => void) => {
  let { parentNode, nextSibling } = node
  node.remove()
  change()
  parentNode?.insertBefore(node, nextSibling)
}

/** `revive` runs a held script; `mayLoad` is the markup gate's answer for an element. */
export function createRelease(mayLoad: (element: Element) => boolean, revive: (script: HeldElement) => unknown, emit: ExtensionContext['emit']) {
  // Embeds announced as blocked, so each is announced once and `unblocked` follows only those.
  let announced = new WeakSet<Element>()
  // Documents loaded on consent, so that a withdrawal can unload them again.
  let loadedDocuments = new Set<HeldElement>()

  /**
   * A gate: on its turn, what it holds loads if every gate on its path allows it. It holds its own URLs and those of the
   * elements inside whose nearest gate it is; one gated on its own waits for its own decision.
   */
  let releaseGate = (gate: HeldElement) => {
    if (gate.localName == 'script' && gate.type == INERT_SCRIPT) return revive(gate)
    let held = [gate, ...gate.querySelectorAll<HeldElement>(WITH_HELD_URL)].filter((node) => node.closest(GATED) == gate && node.matches(WITH_HELD_URL))
    if (!held.length) return
    if (!mayLoad(gate)) {
      if (gate.matches(EMBEDS) && !announced.has(gate)) {
        announced.add(gate)
        emit('blocked', { element: gate, categories: categoryIds(gate) || [], service: gate.dataset.service })
      }
      return
    }
    let mediaToReload = new Set<HeldElement>()
    for (let node of held) {
      let putBack = () => {
        for (let name of HELD_ATTRIBUTES) {
          let value = node.dataset[name]
          if (value != null) {
            delete node.dataset[name]
            setAttributeAsAllowed(node, name == 'src' && node.localName == 'object' ? 'data' : name, value)
          }
        }
      }
      // A document is given its URL out of the page and inserted afresh: a frame given it while the parser still builds
      // it, or an <object> while hidden (by its placeholder), would otherwise never load.
      if (node.matches(DOCUMENTS)) detached(node, putBack), loadedDocuments.add(node)
      else putBack()
      // A media element takes new sources on reload; only one whose URLs moved is reloaded, so nothing playing restarts.
      let media = node.localName == 'source' ? (node.parentElement as HeldElement) : node
      if (media.matches('video,audio')) mediaToReload.add(media)
    }
    mediaToReload.forEach((media) => media.load!())
    if (announced.delete(gate)) emit('unblocked', { element: gate })
  }

  /**
   * A withdrawal unloads each document charto loaded whose path no longer allows it: its URL is held again and it is
   * inserted afresh without one, so its document is gone at once. It is announced again and its placeholder returns.
   */
  let unloadWithdrawn = () =>
    loadedDocuments.forEach((node) => {
      if (mayLoad(node)) return
      loadedDocuments.delete(node)
      let name = node.localName == 'object' ? 'data' : 'src'
      detached(node, () => {
        node.dataset.src = node.getAttribute(name) || ''
        node.removeAttribute(name)
      })
    })

  // Fields end in `_`: internal to the blocker, so the script builds shorten them (tsup.config.ts).
  return { releaseGate_: releaseGate, unloadWithdrawn_: unloadWithdrawn }
}
