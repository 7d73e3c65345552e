// Auto-block (`autoBlock: true`): scripts and iframes whose URL matches a service's `scripts` glob are held like
// marked-up content until that service is granted.
import type { ServiceConfig } from '../core/types.js'
import { globMatcher } from '../core/pattern.js'
import { attempt } from '../core/attempt.js'
import { INERT_SCRIPT, type HeldElement } from './markup.js'

/** Every service's URL patterns (the string items of `scripts`), with the service id each one names. */
const patternsOf = (services: Record<string, ServiceConfig>) =>
  Object.keys(services).flatMap((id) =>
    (services[id].scripts || []).flatMap((spec) => (typeof spec == 'string' ? [[globMatcher(spec), id] as const] : []))
  )

/** Auto-block for these services; undefined when none lists a URL pattern, so there is nothing to watch for. */
export function createAutoBlock(services: Record<string, ServiceConfig>, isGranted: (id: string) => boolean) {
  let patterns = patternsOf(services)
  if (!patterns.length) return

  /**
   * A URL matching a service that is not granted goes to `data-src` (or `data-<as>`) with `data-service`, so the
   * element waits like marked-up content. Truthy when it was held with a URL. A script without `src` or text never
   * starts; setting `src` later runs it in place.
   */
  let hold = (element: HeldElement, url: string, as = 'src') => {
    let href = attempt(() => new URL(url, document.baseURI).href, url + '')!
    let match = patterns.find(([matches]) => matches(href))
    // A `text/plain` script is held already (and never fetched): it keeps its src, so its turn still awaits the load.
    return match && element.type != INERT_SCRIPT && !isGranted(match[1]) && ((element.dataset.service = match[1]), (element.dataset[as] = url))
  }

  /**
   * Scripts and iframes created by the page: `src` (property and setAttribute) is checked before any request. Returns
   * the function that puts `document.createElement` back.
   */
  let watchCreatedElements = () => {
    let create = document.createElement
    document.createElement = function (this: Document) {
      let element = create.apply(this, arguments as any) as HeldElement
      // Compared, not matched against a selector: this runs for every element the page creates.
      let tag = element.localName
      if (tag == 'script' || tag == 'iframe') {
        let setAttribute = element.setAttribute
        element.setAttribute = (name, value) => (name.toLowerCase() == 'src' && hold(element, value)) || setAttribute.call(element, name, value)
        // The native getter runs with `this` = element.
        let { get } = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(element), 'src')!
        Object.defineProperty(element, 'src', { get, set: (value) => element.setAttribute('src', value) })
      }
      return element
    } as typeof create
    return () => {
      if (document.createElement != create) document.createElement = create
    }
  }

  // Fields end in `_`: internal to the blocker, so the script builds shorten them (tsup.config.ts).
  return { hold_: hold, watchCreatedElements_: watchCreatedElements }
}
