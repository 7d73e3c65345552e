import type { Extension } from '../core/consent.js'
import { globMatcher } from '../core/pattern.js'
import { has } from '../core/has.js'
import { attempt } from '../core/attempt.js'
import { clearCookies, clearStorage } from './clear.js'
import { trust } from './trusted-types.js'

export { clearCookies, clearStorage, cookieVariants, type ClearedDetail } from './clear.js'

/** `blocked` event detail: an embed (iframe, video, audio, embed, object) held until consent, for a placeholder. */
export interface BlockedDetail {
  element: HTMLElement
  /** The `data-category` ids as written (`!id` included). */
  categories: string[]
  service?: string
}

type Gated = HTMLElement & { src?: string; type?: string; nonce?: string; load?: () => void }

const GATED = '[data-category],[data-service]'
// A held element keeps its URLs in these `data-*` attributes until it may load; `data-style` holds an inline style,
// whose `url()`s would load at once.
const HELD = ['src', 'srcset', 'href', 'poster', 'style']
const DEFERRED = '[data-src],[data-srcset],[data-href],[data-poster],[data-style]'
// Elements that load a document of their own, which keeps running (and setting cookies) until it is unloaded.
const DOCUMENTS = 'iframe,object,embed'
const PLAIN = 'text/plain'
// The script types a browser runs (the HTML spec's JavaScript MIME types, and module).
const JS = /^\s*(module|((text|application)\/(x-)?(java|ecma)script)|text\/(jscript|livescript|javascript1\.[0-5]))?\s*$/i

/**
 * Sets an attribute: a script's URL (`src`, or `href` in SVG) through Trusted Types; a held style through the CSSOM,
 * which a strict `style-src` allows, after the element's own.
 */
let put = (el: Element, name: string, value: string) =>
  name == 'style'
    ? ((el as HTMLElement).style.cssText += ';' + value)
    : el.setAttribute(name, el.localName == 'script' && (name == 'src' || name == 'href') ? trust(value, true) : value)

// None (no attribute, or only spaces) is null.
let ids = (el: HTMLElement) => el.dataset.category?.match(/\S+/g)

/**
 * Gating of marked-up scripts, iframes, images and media (contract in the README, "Blocking scripts and embeds until consent"), auto-block of matching
 * scripts and iframes created from JavaScript (`autoBlock: true`), config-loaded scripts and callbacks, and clearing
 * of cookies and storage on withdrawal (`cleared`), with `reloadOnRevoke`.
 */
export const blocker: Extension = ({ manager, config, emit }) => {
  if (typeof document == 'undefined') return
  let { services, categories, autoBlock, reloadOnRevoke, cookie } = config
  let isGranted = manager.isGranted
  let doc = document
  let create = doc.createElement
  // The nonce charto runs with (README, Content Security Policy). A script charto revives or releases gets from charto
  // the trust of a script charto inserts ('strict-dynamic' gives it to any): where there is a nonce, only a held script
  // that carries it was given that trust by the page.
  let nonce = (doc.currentScript as Gated | null)?.nonce || ''
  // Embeds announced as blocked, so each is announced once and `unblocked` follows only those.
  let announced = new WeakSet<Element>()
  // Held scripts whose revival threw, or that were refused: each is reported once.
  let failed = new WeakSet<Element>()
  // Scripts charto created from the configuration, which is the page's own: they keep the nonce the configuration gives.
  let configured = new WeakSet<Element>()
  // Documents loaded on consent, so that a withdrawal can unload them again.
  let released = new Set<Gated>()
  let queue: Promise<unknown> = Promise.resolve()
  // `reloadOnRevoke` counts from `ready`: a withdrawal before it (the GPC decision at init) found nothing running.
  let reload: unknown = false
  let decided = false
  let patterns: [(url: string) => boolean, string][] = []
  // A host callback that throws is reported as an `error` event and breaks nothing.
  let call = (ids: string[], hook: 'onAccept' | 'onReject') =>
    ids.forEach((id) => {
      try {
        has(services, id) && services[id][hook]?.()
      } catch (error) {
        emit('error', error)
      }
    })

  /**
   * One gate's answer. A configured `data-service` decides alone; else every `data-category` id must be granted, and
   * there must be one (`!id`: a known category that is not granted; an unknown one stays blocked like any misspelt id).
   */
  let allowed = (el: HTMLElement) => {
    let service = el.dataset.service || ''
    return has(services, service)
      ? isGranted(service)
      : !!ids(el)?.every((id) => (id[0] == '!' ? has(categories, (id = id.slice(1))) && !isGranted(id) : isGranted(id)))
  }

  /**
   * An element may load when every gate on its path allows it: its own, if it has one, and each ancestor's. An outer
   * grant never releases what an inner gate refuses, nor the reverse. Without any gate, nothing is charto's to release.
   */
  let open = (el: Element) => {
    let gate: Gated | null | undefined = el.closest<Gated>(GATED)
    if (!gate) return false
    for (; gate; gate = gate.parentElement?.closest<Gated>(GATED)) if (!allowed(gate)) return false
    return true
  }

  /** A held script that would gain trust from charto (see `nonce`) stays held; the error says why. */
  let untrusted = (script: Gated) => nonce && script.nonce != nonce && !configured.has(script) && Error('charto: a held script lacks the nonce')

  /**
   * Queues a held `text/plain` script. On its turn, if allowed then, it runs as a new element carrying every attribute
   * and the nonce: scripts parsed from an HTML fragment (innerHTML, insertAdjacentHTML — what SPAs do) are marked
   * "already started" by the parser and would never run if only re-inserted. An external script is awaited (load or
   * error) before the next one runs. The held element is replaced, so a script queued again meanwhile runs once.
   */
  let run = (el: Gated) =>
    (queue = queue.then(() => whole(el)).then(
      () =>
        new Promise((done) => {
          // Removed from the page meanwhile (a route change): it stays held, and is seen again if it comes back.
          if (!open(el) || el.type != PLAIN || !el.isConnected || failed.has(el)) return done(0)
          let refused = untrusted(el)
          if (refused) throw refused
          let script = create.call(doc, 'script') as HTMLScriptElement
          for (let { name, value } of el.attributes) if (name != 'type') put(script, name, value)
          if (el.dataset.type) script.type = el.dataset.type
          // Browsers hide the nonce attribute once parsed; the property keeps it.
          script.nonce = el.nonce!
          script.text = trust(el.textContent!)
          // An inline script runs on insertion; its promise settles after that either way. A script the browser will
          // not fetch (`nomodule`, a data-type that is not JavaScript) fires neither load nor error: it is not waited for.
          if (script.src && !script.noModule && JS.test(script.type)) script.addEventListener('load', done), script.addEventListener('error', done)
          else done(0)
          el.replaceWith(script)
        })
      // Whatever one revival throws (under Trusted Types enforcement, say, or refused for its nonce), the scripts after
      // it still get their turn; that one is reported once and not tried again.
    ).catch((error) => {
      failed.add(el)
      emit('error', error)
    }))

  /**
   * The parser inserts a script element before all of its text has arrived (HTML comes in network chunks), and an
   * observer may see it in between: reviving it then would run half a script. Once any node follows it, the parser
   * is past its end tag; until then it waits for the end of parsing.
   */
  let whole = (el: Node) => {
    for (let node: Node | null = el; node; node = node.parentNode) if (node.nextSibling) return
    if (doc.readyState == 'loading') return new Promise((done) => doc.addEventListener('DOMContentLoaded', done, { once: true }))
  }

  /**
   * Changes an element out of the page, then puts it back in its place: the browser processes it as newly inserted, and
   * loads (or unloads) it once.
   */
  let detached = (node: Element, change: () => void) => {
    let { parentNode, nextSibling } = node
    node.remove()
    change()
    parentNode?.insertBefore(node, nextSibling)
  }

  /**
   * A gate: on its turn, what it holds loads if every gate on its path allows it. It holds its own URLs and those of the
   * elements inside whose nearest gate it is; one gated on its own waits for its own decision.
   */
  let handle = (el: Gated) => {
    if (el.localName == 'script' && el.type == PLAIN) return run(el)
    let held = [el, ...el.querySelectorAll<Gated>(DEFERRED)].filter((node) => node.closest(GATED) == el && node.matches(DEFERRED))
    if (!held.length) return
    if (!open(el)) {
      if (el.matches('iframe,video,audio,embed,object') && !announced.has(el)) {
        announced.add(el)
        emit('blocked', { element: el, categories: ids(el) || [], service: el.dataset.service })
      }
      return
    }
    let reloads = new Set<Gated>()
    for (let node of held) {
      let release = () => {
        for (let name of HELD) {
          let value = node.dataset[name]
          if (value != null) {
            delete node.dataset[name]
            put(node, name == 'src' && node.localName == 'object' ? 'data' : name, value)
          }
        }
      }
      // A document is given its URL out of the page and inserted afresh: a frame given it while the parser still builds
      // it, or an <object> while hidden (by its placeholder), would otherwise never load.
      if (node.matches(DOCUMENTS)) detached(node, release), released.add(node)
      else release()
      // A media element takes new sources on reload; only one whose URLs moved is reloaded, so nothing playing restarts.
      let media = node.localName == 'source' ? (node.parentElement as Gated) : node
      if (media.matches('video,audio')) reloads.add(media)
    }
    reloads.forEach((media) => media.load!())
    if (announced.delete(el)) emit('unblocked', { element: el })
  }

  /**
   * A withdrawal unloads each document charto loaded whose path no longer allows it: its URL is held again and it is
   * inserted afresh without one, so its document is gone at once. It is announced again and its placeholder returns.
   */
  let unload = () =>
    released.forEach((node) => {
      if (open(node)) return
      released.delete(node)
      let name = node.localName == 'object' ? 'data' : 'src'
      detached(node, () => {
        node.dataset.src = node.getAttribute(name) || ''
        node.removeAttribute(name)
      })
    })

  // Most subtrees hold nothing gated. Chromium answers a query for one attribute many times faster than one for a
  // selector list, so two of those check first; the list query then yields the elements in document order.
  let scan = (root: ParentNode) =>
    (root.querySelector('[data-category]') || root.querySelector('[data-service]')) && root.querySelectorAll<Gated>(GATED).forEach(handle)
  // An added node (any kind) and its subtree; or, for a batch, a parent that received children.
  let look = (node: Node) => {
    let el = node as Element
    if (el.matches?.(GATED)) handle(el as Gated)
    // A held URL that arrives after its gated parent (the parser's next network chunk: a <source> in a <video> the
    // visitor already allowed) is released by that parent.
    else if (el.matches?.(DEFERRED) || el.querySelector?.(DEFERRED)) {
      let owner = el.parentElement?.closest<Gated>(GATED)
      if (owner) handle(owner)
    }
    if (el.firstElementChild) scan(el)
  }

  /**
   * Auto-block: a URL matching a service that is not granted goes to `data-src` with `data-service`, so the element
   * waits like marked-up content. A script without `src` or text never starts; setting `src` later runs it in place.
   */
  let hold = (el: Gated, url: string, as = 'src') => {
    let href = attempt(() => new URL(url, doc.baseURI).href, url + '')!
    let hit = patterns.find(([test]) => test(href))
    // A `text/plain` script is held already (and never fetched): it keeps its src, so its turn still awaits the load.
    return hit && el.type != PLAIN && !isGranted(hit[1]) && ((el.dataset.service = hit[1]), (el.dataset[as] = url))
  }

  for (let id in services) {
    for (let spec of services[id].scripts || []) {
      if (typeof spec == 'string') patterns.push([globMatcher(spec), id])
      else {
        // Loaded from config: an inert `text/plain` script in <head>, run like marked-up ones. Values are set as text;
        // event-handler attributes would be code, so they are refused. One that cannot even be held (Trusted Types
        // without the "charto" policy) is reported.
        try {
          let el = create.call(doc, 'script') as Gated
          let attrs: Record<string, string> = { ...spec.attrs, 'data-service': id, src: spec.src }
          // The charto script's nonce, unless `attrs` has one (README, Content Security Policy).
          el.nonce = nonce
          configured.add(el)
          for (let name in attrs) if (!/^on/i.test(name)) put(el, name, attrs[name])
          el.dataset.type = el.type
          el.type = PLAIN
          doc.head.append(el)
        } catch (error) {
          emit('error', error)
        }
      }
    }
  }

  if (autoBlock && patterns.length) {
    // Scripts and iframes created by the page: `src` (property and setAttribute) is checked before any request.
    doc.createElement = function (this: Document) {
      let el = create.apply(this, arguments as any) as Gated
      // Compared, not matched against a selector: this runs for every element the page creates.
      let tag = el.localName
      if (tag == 'script' || tag == 'iframe') {
        let setAttribute = el.setAttribute
        el.setAttribute = (name, value) => (name.toLowerCase() == 'src' && hold(el, value)) || setAttribute.call(el, name, value)
        // The native getter runs with `this` = el.
        let { get } = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(el), 'src')!
        Object.defineProperty(el, 'src', { get, set: (value) => el.setAttribute('src', value) })
      }
      return el
    } as typeof create
  }

  /**
   * Only what was added is looked at. A few records: each added node and its subtree. Many (innerHTML, fragments,
   * loops of appends): one query per topmost parent costs less than one per node, and only `target` is read from each
   * record. A batch with nothing gated costs those reads and one query per parent (or per added element).
   */
  let observer = new MutationObserver((records) => {
    let many = records.length > 32
    let parents = new Set<Node>()
    let last: Node | undefined
    // A script the page inserts starts at once, before any observer sees it; only the parser's scripts wait for this
    // callback (it runs before each parser-inserted script), and the parser is done once the page is complete.
    let parsing = autoBlock && doc.readyState != 'complete'
    for (let record of records) {
      let bulk = many || record.addedNodes.length > 32
      // Consecutive records mostly share their target (a loop appending to one list).
      if (bulk && record.target != last) parents.add((last = record.target))
      if (parsing || !bulk) {
        let nodes = record.addedNodes as NodeListOf<Gated>
        // Indexed: a NodeList's iterator costs several times more per node.
        for (let i = 0; i < nodes.length; i++) {
          let node = nodes[i]
          // A script in the HTML is seen here before the parser runs it (the browser may have fetched it already). It
          // loads from `src`; in SVG from `href`, or the older `xlink:href`, held in `data-href`. Released later, it
          // would no longer count as the parser's (see `nonce`): without the nonce, it is only stopped.
          if (parsing && node.localName == 'script') {
            let name = node instanceof SVGElement ? (node.hasAttribute('href') ? 'href' : 'xlink:href') : 'src'
            let url = node.getAttribute(name)
            let as = name == 'src' ? name : 'href'
            let refused = url && hold(node, url, as) && (node.removeAttribute(name), untrusted(node))
            if (refused) delete node.dataset[as], emit('error', refused)
          }
          if (!bulk) look(node)
        }
      }
    }
    // A parent inside another one is found by that one's query.
    for (let parent of parents) if (!parents.has(parent.parentNode!)) look(parent)
  })
  observer.observe(doc, { childList: true, subtree: true })

  /** Removes what the listed categories and services name; the consent cookie itself is kept. `quiet`: `cleared` only when something was removed. */
  let clear = (list: string[], quiet?: boolean) => {
    let specs = list.map((id) => (has(categories, id) ? categories : services)[id])
    return clearCookies(specs.flatMap((spec) => spec.cookies || []), cookie.name).then(({ removed, failed }) => {
      removed = removed.concat(clearStorage(specs.flatMap((spec) => spec.storage || []), cookie.name))
      if (!quiet || removed.length) emit('cleared', { removed, failed })
    })
  }

  let stops = [
    manager.on('ready', () => {
      reload = reloadOnRevoke
      decided = manager.getConsent().decided
      scan(doc)
      call(Object.keys(services).filter(isGranted), 'onAccept')
    }),
    manager.on('change', ({ consent, granted, revoked, stored }) => {
      unload()
      scan(doc)
      // The first decision on a page may follow an expired or older-revision one whose grants left cookies behind:
      // what it refuses is cleared too, quietly (CLR-1).
      if (!decided && consent.decided && !revoked.length) {
        clear([consent.categories, consent.services].flatMap((state) => Object.keys(state).filter((id) => !state[id])), true)
      }
      decided = consent.decided
      call(granted, 'onAccept')
      call(revoked, 'onReject')
      // `change` reaches every handler synchronously, in registration order; a task queued after the clearing runs
      // once all of them (Consent Mode update, record delivery, the host's listeners) are done, whatever the order.
      let reloading = reload && stored
      if (revoked.length) clear(revoked).then(() => reloading && setTimeout(() => location.reload()))
    })
  ]

  return () => {
    observer.disconnect()
    stops.forEach((stop) => stop())
    if (doc.createElement != create) doc.createElement = create
  }
}
