// Script revival: a held `text/plain` script runs, once its gates allow it, as a new script element.
import type { ExtensionContext } from '../core/consent.js'
import { INERT_SCRIPT, type HeldElement } from './markup.js'
import { setAttributeAsAllowed } from './attribute.js'
import { trust } from './trusted-types.js'

// The script types a browser runs (the HTML spec's JavaScript MIME types, and module).
const JAVASCRIPT_TYPE = /^\s*(module|((text|application)\/(x-)?(java|ecma)script)|text\/(jscript|livescript|javascript1\.[0-5]))?\s*$/i

/**
 * The parser inserts a script element before all of its text has arrived (HTML comes in network chunks), and an
 * observer may see it in between: reviving it then would run half a script. Once any node follows it, the parser
 * is past its end tag; until then it waits for the end of parsing.
 */
const parserIsPast = (element: Node) => {
  for (let node: Node | null = element; node; node = node.parentNode) if (node.nextSibling) return true
  return document.readyState != 'loading'
}

/**
 * `nonce` is the one charto runs with (README, Content Security Policy). A script charto revives or releases gets from
 * charto the trust of a script charto inserts ('strict-dynamic' gives it to any): where there is a nonce, only a held
 * script that carries it was given that trust by the page. `configured` are the scripts charto created from the
 * configuration, which is the page's own: they keep the nonce the configuration gives.
 */
export function createScriptRevival(nonce: string, mayLoad: (element: Element) => boolean, emit: ExtensionContext['emit']) {
  let create = document.createElement
  let configured = new WeakSet<Element>()
  // Held scripts whose revival threw, or that were refused: each is reported once.
  let failed = new WeakSet<Element>()
  // Held scripts waiting for their turn, in the order they were seen; `running` from the first one queued until the
  // queue is empty again, including while one waits for its load or for the end of parsing.
  let waiting: HeldElement[] = []
  let running = false

  /** A held script that would gain trust from charto (see `nonce`) stays held; the error says why. */
  let refusal = (script: HeldElement) => nonce && script.nonce != nonce && !configured.has(script) && Error('charto: a held script lacks the nonce')

  /**
   * Runs a held `text/plain` script, if allowed now, as a new element carrying every attribute and the nonce: scripts
   * parsed from an HTML fragment (innerHTML, insertAdjacentHTML — what SPAs do) are marked "already started" by the
   * parser and would never run if only re-inserted. The held element is replaced, so a script queued again meanwhile
   * runs once. True when the next script waits for this one's load or error.
   */
  let run = (held: HeldElement) => {
    // Removed from the page meanwhile (a route change): it stays held, and is seen again if it comes back.
    if (!mayLoad(held) || held.type != INERT_SCRIPT || !held.isConnected || failed.has(held)) return
    let refused = refusal(held)
    if (refused) throw refused
    let script = create.call(document, 'script') as HTMLScriptElement
    for (let { name, value } of held.attributes) if (name != 'type') setAttributeAsAllowed(script, name, value)
    if (held.dataset.type) script.type = held.dataset.type
    // Browsers hide the nonce attribute once parsed; the property keeps it.
    script.nonce = held.nonce!
    script.text = trust(held.textContent!)
    // An inline script runs on insertion. A script the browser will not fetch (`nomodule`, a data-type that is not
    // JavaScript) fires neither load nor error: it is not waited for.
    let awaited = script.src && !script.noModule && JAVASCRIPT_TYPE.test(script.type)
    if (awaited) script.addEventListener('load', resume), script.addEventListener('error', resume)
    held.replaceWith(script)
    return awaited
  }

  /**
   * Runs the waiting scripts in order, without a promise per script: an external one is awaited (load or error)
   * before the next one runs. Whatever one revival throws (under Trusted Types enforcement, say, or refused for its
   * nonce), the scripts after it still get their turn; that one is reported once and not tried again.
   */
  let runWaiting = () => {
    for (let held; (held = waiting[0]); ) {
      if (!parserIsPast(held)) return document.addEventListener('DOMContentLoaded', runWaiting, { once: true })
      waiting.shift()
      try {
        if (run(held)) return
      } catch (error) {
        failed.add(held)
        emit('error', error)
      }
    }
    running = false
  }
  // In a microtask of its own, never inside the call that inserted a script (a load event fired at insertion would
  // otherwise run the queue in the middle of that insertion).
  let resume = () => queueMicrotask(runWaiting)

  /** Queues a held script; the queue starts in a microtask, so a scan finishes before the first script runs. */
  let revive = (held: HeldElement) => {
    waiting.push(held)
    if (!running) (running = true), resume()
  }

  // Fields end in `_`: internal to the blocker, so the script builds shorten them (tsup.config.ts).
  return {
    revive_: revive,
    refusal_: refusal,
    /** Marks a script charto created from the configuration: it is the page's own, whatever its nonce. */
    trustConfigured_: (script: Element) => void configured.add(script)
  }
}
