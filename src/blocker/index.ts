import type { Extension } from '../core/consent.js'
import { globMatcher } from '../core/pattern.js'
import { has } from '../core/has.js'
import { attempt } from '../core/attempt.js'
import { clearCookies, clearStorage } from './clear.js'

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
// A held element keeps its URLs in these `data-*` attributes until it may load.
const URLS = ['src', 'srcset', 'href']
const DEFERRED = '[data-src],[data-srcset],[data-href]'
const PLAIN = 'text/plain'
// The script types a browser runs (the HTML spec's JavaScript MIME types, and module).
const JS = /^\s*(module|((text|application)\/(x-)?(java|ecma)script)|text\/(jscript|livescript|javascript1\.[0-5]))?\s*$/i

/**
 * Where a page enforces Trusted Types (`require-trusted-types-for 'script'`), a script's text and `src` pass through
 * a policy named "charto" (allow it in the `trusted-types` directive). They come from the page's own markup and
 * configuration; under a nonce-based CSP, a revived script still needs the nonce its held element carries.
 * One policy per page: a second createPolicy with the same name throws.
 */
let policy: { createScript(text: string): any; createScriptURL(url: string): any } | undefined
let trusted = () => policy || (policy = attempt(() => (self as any).trustedTypes?.createPolicy('charto', { createScript: String, createScriptURL: String })))
/** Sets an attribute; a script's `src` as a TrustedScriptURL where the page has the policy. */
let put = (el: Element, name: string, value: string) =>
  el.setAttribute(name, name == 'src' && el.localName == 'script' && trusted() ? policy!.createScriptURL(value) : value)

// None (no attribute, or only spaces) is null.
let ids = (el: HTMLElement) => el.dataset.category?.match(/\S+/g)

/**
 * Gating of marked-up scripts, iframes, images and media (contract in the README, "Blocking scripts and embeds until consent"), auto-block of matching
 * scripts and iframes created from JavaScript (`autoBlock: true`), config-loaded scripts and callbacks, and clearing
 * of cookies and storage on withdrawal (`cleared`), with `reloadOnRevoke`.
 */
export const blocker: Extension = (manager) => {
  if (typeof document == 'undefined') return
  let { config: { services, categories, autoBlock, reloadOnRevoke, cookie }, emit, isGranted } = manager
  let doc = document
  let create = doc.createElement
  // Embeds announced as blocked, so each is announced once and `unblocked` follows only those.
  let announced = new WeakSet<Element>()
  // Held scripts whose revival threw.
  let failed = new WeakSet<Element>()
  // Frames loaded on consent, so that a withdrawal can unload them again.
  let released = new WeakSet<Element>()
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
   * A configured `data-service` decides alone; else every `data-category` id must be granted, and there must be one
   * (`!id`: a known category that is not granted; an unknown one stays blocked like any misspelt id).
   */
  let allowed = (el: HTMLElement) => {
    let service = el.dataset.service || ''
    return has(services, service)
      ? isGranted(service)
      : !!ids(el)?.every((id) => (id[0] == '!' ? has(categories, (id = id.slice(1))) && !isGranted(id) : isGranted(id)))
  }

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
          if (!allowed(el) || el.type != PLAIN || !el.isConnected || failed.has(el)) return done(0)
          let script = create.call(doc, 'script') as HTMLScriptElement
          for (let { name, value } of el.attributes) if (name != 'type') put(script, name, value)
          if (el.dataset.type) script.type = el.dataset.type
          // Browsers hide the nonce attribute once parsed; the property keeps it.
          script.nonce = el.nonce!
          script.text = trusted() ? policy!.createScript(el.textContent!) : el.textContent!
          // An inline script runs on insertion; its promise settles after that either way. A script the browser will
          // not fetch (`nomodule`, a data-type that is not JavaScript) fires neither load nor error: it is not waited for.
          if (script.src && !script.noModule && JS.test(script.type)) script.addEventListener('load', done), script.addEventListener('error', done)
          else done(0)
          el.replaceWith(script)
        })
      // Whatever one revival throws (under Trusted Types enforcement, say), the scripts after it still get their turn;
      // that one is reported once and not tried again.
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

  let handle = (el: Gated) => {
    if (el.localName == 'script' && el.type == PLAIN) return run(el)
    // A withdrawal unloads a frame charto loaded: it would keep running (and setting cookies) until its document goes.
    // Its URL is held again and the frame goes blank, so it is announced again and its placeholder returns.
    if (released.has(el) && !allowed(el)) {
      released.delete(el)
      el.dataset.src = el.getAttribute('src')!
      el.setAttribute('src', 'about:blank')
    }
    let inner = el.querySelectorAll(DEFERRED)
    if (!inner.length && !el.matches(DEFERRED)) return
    if (!allowed(el)) {
      if (el.matches('iframe,video,audio,embed,object') && !announced.has(el)) {
        announced.add(el)
        emit('blocked', { element: el, categories: ids(el) || [], service: el.dataset.service })
      }
      return
    }
    let moved = 0
    // An element inside that is gated on its own waits for its own decision.
    for (let node of [el, ...inner] as Gated[]) {
      if (node == el || !node.matches(GATED)) {
        for (let name of URLS) {
          let value = node.dataset[name]
          if (value != null) {
            delete node.dataset[name]
            put(node, name == 'src' && node.localName == 'object' ? 'data' : name, value)
            moved++
          }
        }
      }
    }
    // A media element takes new sources on reload; reloading when nothing moved would restart what plays.
    if (moved) ((el.localName == 'source' ? el.parentNode : el) as Gated).load?.()
    if (moved && el.localName == 'iframe' && el.hasAttribute('src')) released.add(el)
    if (announced.delete(el)) emit('unblocked', { element: el })
  }

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
  let hold = (el: Gated, url: string) => {
    let href = attempt(() => new URL(url, doc.baseURI).href, url + '')!
    let hit = patterns.find(([test]) => test(href))
    // A `text/plain` script is held already (and never fetched): it keeps its src, so its turn still awaits the load.
    return hit && el.type != PLAIN && !isGranted(hit[1]) && ((el.dataset.service = hit[1]), (el.dataset.src = url))
  }

  for (let id in services) {
    for (let spec of services[id].scripts || []) {
      if (typeof spec == 'string') patterns.push([globMatcher(spec), id])
      else {
        // Loaded from config: an inert `text/plain` script in <head>, run like marked-up ones. Values are set as text;
        // event-handler attributes would be code, so they are refused.
        attempt(() => {
          let el = create.call(doc, 'script') as Gated
          let attrs: Record<string, string> = { ...spec.attrs, 'data-service': id, src: spec.src }
          // The charto script's nonce, unless `attrs` has one (README, Content Security Policy).
          el.nonce = (doc.currentScript as Gated | null)?.nonce || ''
          for (let name in attrs) if (!/^on/i.test(name)) put(el, name, attrs[name])
          el.dataset.type = el.type
          el.type = PLAIN
          doc.head.append(el)
        })
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
          // A script in the HTML is seen here before the parser runs it (the browser may have fetched it already).
          if (parsing && node.localName == 'script' && node.src && hold(node, node.getAttribute('src')!)) node.removeAttribute('src')
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
