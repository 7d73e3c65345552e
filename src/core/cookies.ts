// Where a cookie visible on this page may have been set, and how to expire it on all of them. Used for the consent
// cookie itself (a site that adds or drops `cookie.domain` leaves the old variant behind) and by the blocker's clearing.
import { attempt } from './attempt.js'

/**
 * The accessor behind `document.cookie`, never an element: one named "cookie" (`<form name="cookie">`) hides the
 * property as a plain value on the document itself. A getter put on the document by the page's own code still counts.
 */
let jar = (): PropertyDescriptor | undefined => {
  for (let object = document; object; object = Object.getPrototypeOf(object)) {
    let descriptor = Object.getOwnPropertyDescriptor(object, 'cookie')
    if (descriptor?.get) return descriptor
  }
}

/**
 * The cookies this page can see, as `[name, value]` pairs; a name can come more than once (other domain or path).
 * None where cookies are out of reach (a frame sandboxed without allow-same-origin throws; so does Node). Read here, not
 * with js-cookie: its `get()` keeps only the first cookie of a name, and the newest of the decision's variants must win.
 */
export const readCookies = (): [name: string, value: string][] =>
  attempt(() =>
    (jar()!.get!.call(document) as string).split(';').flatMap((pair) => {
      let at = pair.indexOf('=')
      let name = (at < 0 ? pair : pair.slice(0, at)).trim()
      return name ? [[name, at < 0 ? '' : pair.slice(at + 1)] as [string, string]] : []
    }), [])!

/** Sets a cookie through `document.cookie`; nothing where that throws (a sandboxed frame). */
export const writeCookie = (text: string): void => void attempt(() => jar()!.set!.call(document, text))

/**
 * Every `[domain, path]` a cookie visible on this page can have been set with: host-only (`''`), then each parent
 * domain down to two labels (no public-suffix list: the browser rejects `co.uk` itself), with and without the
 * leading dot; `/` and each prefix of the path, with and without a trailing slash. IP hosts have no parents.
 */
export function cookieVariants(host: string, path: string): [domain: string, path: string][] {
  let domains = ['']
  let paths = ['/']
  let prefix = ''
  if (!/^[\d.]+$|:/.test(host)) for (let domain = host; domain.includes('.'); domain = domain.slice(domain.indexOf('.') + 1)) domains.push(domain, '.' + domain)
  for (let part of path.split('/')) if (part) paths.push((prefix += '/' + part), prefix + '/')
  return domains.flatMap((domain) => paths.map((p): [string, string] => [domain, p]))
}

/**
 * Expires `name` on every variant, through `document.cookie` and, unless `cookieStore` is false, the CookieStore API
 * too where it exists. Returns the CookieStore promises (already caught), for those who wait on them. In a page, never
 * throws.
 */
export function expireCookie(name: string, cookieStore = true): Promise<unknown>[] {
  let secure = location.protocol == 'https:' ? ';secure' : ''
  return cookieVariants(location.hostname, location.pathname).map(([domain, path]) => {
    // By the name the cookie has, not through js-cookie, which encodes it: Adobe's `AMCV_…%40AdobeOrg` would become
    // `AMCV_…%2540AdobeOrg` and stay.
    writeCookie(`${name}=;max-age=-1;path=${path}${domain && ';domain=' + domain}${secure}`)
    // CookieStore rejects (caught) the dotted form, which document.cookie accepts.
    return cookieStore && (globalThis as any).cookieStore?.delete({ name, path, domain: domain || null }).catch(() => 0)
  })
}
