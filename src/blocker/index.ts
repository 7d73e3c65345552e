import type { Extension } from '../core/consent.js'
import type { CookieSpec } from '../core/types.js'
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

type Gated = HTMLElement & { src?: string; type?: string; load?: () => void }

const GATED = '[data-category],[data-service]'
const DEFERRED = '[data-src],[data-srcset],[data-href]'
const PLAIN = 'text/plain'

// Never empty: no category reads as [''], which is never granted.
let ids = (el: HTMLElement) => (el.dataset.category || '').trim().split(/\s+/)

/**
 * Gating of marked-up scripts, iframes, images and media (contract in the README, "Blocking scripts and embeds until consent"), auto-block of matching
 * scripts and iframes created from JavaScript (`autoBlock: true`), config-loaded scripts and callbacks, and clearing
 * of cookies and storage on withdrawal (`cleared`), with `reloadOnRevoke`.
 */
export const blocker: Extension = (manager) => {
  if (typeof document == 'undefined') return
  let { services, categories, autoBlock, reloadOnRevoke, cookie } = manager.config
  let { emit, isGranted } = manager
  let doc = document
  let create = doc.createElement
  // Scripts queued to run, and embeds announced as blocked.
  let marked = new WeakSet<Element>()
  let queue: Promise<unknown> = Promise.resolve()
  // Set at `ready`: a withdrawal before it (the GPC decision at init) found nothing running, so it never reloads.
  let ready = false
  let decided = false
  let patterns: [(url: string) => boolean, string][] = []
  // A host callback that throws is reported as an `error` event and breaks nothing.
  let call = (id: string, hook: 'onAccept' | 'onReject') => {
    try {
      has(services, id) && services[id][hook]?.()
    } catch (error) {
      emit('error', error)
    }
  }

  /**
   * A configured `data-service` decides alone; else every `data-category` id must be granted (`!id`: a known category
   * that is not granted; an unknown one stays blocked like any misspelt id).
   */
  let allowed = (el: HTMLElement) => {
    let service = el.dataset.service || ''
    return has(services, service)
      ? isGranted(service)
      : ids(el).every((id) => (id[0] == '!' ? has(categories, (id = id.slice(1))) && !isGranted(id) : isGranted(id)))
  }

  /**
   * Runs a held `text/plain` script as a new element carrying every attribute and the nonce: scripts parsed from an
   * HTML fragment (innerHTML, insertAdjacentHTML — what SPAs do) are marked "already started" by the parser and would
   * never run if only re-inserted. An external script is awaited (load or error) before the next one runs. A script
   * that already ran never runs twice.
   */
  let run = (el: Gated) =>
    (queue = queue.then(
      () =>
        new Promise((done) => {
          // Removed from the page meanwhile (a route change): it stays held, and is seen again if it comes back.
          if (!allowed(el) || el.type != PLAIN || !el.parentNode) return done(marked.delete(el))
          let script = create.call(doc, 'script') as HTMLScriptElement
          for (let { name, value } of [...el.attributes]) if (name != 'type') script.setAttribute(name, value)
          if (el.dataset.type) script.type = el.dataset.type
          // Browsers hide the nonce attribute once parsed; the property keeps it.
          script.nonce = (el as HTMLScriptElement).nonce
          script.text = el.textContent || ''
          if (script.src) script.addEventListener('load', done), script.addEventListener('error', done)
          el.replaceWith(script)
          script.src || done(0)
        })
    ))

  let handle = (el: Gated) => {
    let script = el.localName == 'script' && el.type == PLAIN
    if (!script && !el.matches(DEFERRED) && !el.querySelector(DEFERRED)) return
    let embed = /^(iframe|video|audio|embed|object)$/.test(el.localName)
    if (!allowed(el)) {
      if (embed && !marked.has(el)) marked.add(el), emit('blocked', { element: el, categories: ids(el).filter(Boolean), service: el.dataset.service })
    } else if (script) {
      if (!marked.has(el)) marked.add(el), run(el)
    } else {
      // An element inside that is gated on its own waits for its own decision.
      for (let node of [el, ...el.querySelectorAll(DEFERRED)]) {
        if (node == el || !node.matches(GATED)) for (let { name, value } of [...node.attributes]) {
          if (/^data-(src|srcset|href)$/.test(name)) node.removeAttribute(name), node.setAttribute(node.localName == 'object' ? 'data' : name.slice(5), value)
        }
      }
      ;((el.localName == 'source' ? el.parentElement : el) as Gated).load?.()
      if (marked.delete(el)) emit('unblocked', { element: el })
    }
  }

  let scan = (root: ParentNode) => root.querySelectorAll<Gated>(GATED).forEach(handle)

  /**
   * Auto-block: a URL matching a service that is not granted goes to `data-src` with `data-service`, so the element
   * waits like marked-up content. A script without `src` or text never starts; setting `src` later runs it in place.
   */
  let hold = (el: Gated, url: unknown) => {
    let href = attempt(() => new URL(String(url), doc.baseURI).href, String(url))!
    let hit = patterns.find(([test]) => test(href))
    // A `text/plain` script is held already (and never fetched): it keeps its src, so its turn still awaits the load.
    return hit && el.type != PLAIN && !isGranted(hit[1]) && ((el.dataset.service = hit[1]), (el.dataset.src = String(url)))
  }

  for (let id in services) {
    for (let spec of services[id].scripts || []) {
      if (typeof spec == 'string') patterns.push([globMatcher(spec), id])
      else {
        // Loaded from config: an inert `text/plain` script in <head>, run like marked-up ones. Values are set as text;
        // event-handler attributes would be code, so they are refused.
        attempt(() => {
          let el = create.call(doc, 'script') as Gated
          let attrs = spec.attrs || {}
          // The charto script's nonce, unless `attrs` has one (README, Content Security Policy).
          el.nonce = (doc.currentScript as HTMLScriptElement | null)?.nonce || ''
          for (let name in attrs) if (!/^on/i.test(name)) el.setAttribute(name, attrs[name])
          el.dataset.type = el.type
          el.dataset.service = id
          el.type = PLAIN
          el.src = spec.src
          doc.head.append(el)
        })
      }
    }
  }

  if (autoBlock && patterns.length) {
    // Scripts and iframes created by the page: `src` (property and setAttribute) is checked before any request.
    doc.createElement = function (this: Document) {
      let el = create.apply(this, arguments as any) as Gated
      let setAttribute = el.setAttribute
      let put = (name: string, value: string) => (name.toLowerCase() == 'src' && hold(el, value)) || setAttribute.call(el, name, value)
      let src = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(el), 'src')!
      if (/^(script|iframe)$/.test(el.localName)) {
        el.setAttribute = put
        Object.defineProperty(el, 'src', { get: () => src.get!.call(el), set: (value) => put('src', value) })
      }
      return el
    } as typeof create
  }

  // Only added elements are looked at: each one and, when it has children, its subtree. When many nodes arrive in one
  // batch (innerHTML, fragments, loops of appends), one query per parent costs less than one per node.
  let observer = new MutationObserver((records) => {
    let parents = new Set<Node>()
    for (let record of records) {
      // `addedNodes` is only read when needed: each read makes a NodeList.
      let many = records.length > 32 || record.addedNodes.length > 32
      if (many) parents.add(record.target)
      if (autoBlock || !many) {
        for (let node of record.addedNodes as NodeListOf<Gated>) {
          // A script in the HTML is seen here before the parser runs it (the browser may have fetched it already).
          if (autoBlock && node.localName == 'script' && node.src && hold(node, node.getAttribute('src'))) node.removeAttribute('src')
          if (!many && node.nodeType == 1) {
            if (node.matches(GATED)) handle(node)
            if (node.firstElementChild) scan(node)
          }
        }
      }
    }
    for (let parent of parents) if (!parents.has(parent.parentNode!)) scan(parent as ParentNode)
  })
  observer.observe(doc, { childList: true, subtree: true })

  /** Removes what the revoked categories and services list; the consent cookie itself is kept. */
  /** `quiet`: report only what was actually removed (a first decision that found nothing left over stays silent). */
  let clear = (revoked: string[], quiet?: boolean) => {
    let cookies: (string | CookieSpec)[] = []
    let storage: string[] = []
    for (let id of revoked) {
      let spec = has(categories, id) ? categories[id] : has(services, id) ? services[id] : {}
      cookies.push(...(spec.cookies || []))
      storage.push(...(spec.storage || []))
    }
    return clearCookies(cookies, cookie.name).then(({ removed, failed }) => {
      removed = removed.concat(clearStorage(storage, cookie.name))
      if (!quiet || removed.length) emit('cleared', { removed, failed })
    })
  }

  let stops = [
    manager.on('ready', () => {
      ready = true
      decided = manager.getConsent().decided
      scan(doc)
      for (let id in services) if (isGranted(id)) call(id, 'onAccept')
    }),
    manager.on('change', ({ consent, granted, revoked }) => {
      scan(doc)
      // The first decision on a page may follow an expired or older-revision one whose grants left cookies behind:
      // what it refuses is cleared too (CLR-1).
      let first = !decided && consent.decided
      decided = consent.decided
      if (first && !revoked.length) {
        let refused = [consent.categories, consent.services].flatMap((state) => Object.keys(state).filter((id) => !state[id]))
        if (refused.length) clear(refused, true)
      }
      granted.forEach((id) => call(id, 'onAccept'))
      revoked.forEach((id) => call(id, 'onReject'))
      // `change` reaches every handler synchronously, in registration order; a task queued after the clearing runs
      // once all of them (Consent Mode update, record delivery, the host's listeners) are done, whatever the order.
      let reload = ready && reloadOnRevoke
      if (revoked.length) clear(revoked).then(() => reload && setTimeout(() => location.reload()))
    })
  ]

  return () => {
    observer.disconnect()
    stops.forEach((stop) => stop())
    if (doc.createElement != create) doc.createElement = create
  }
}
