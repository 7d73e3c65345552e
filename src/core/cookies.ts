// Where a cookie visible on this page may have been set, and how to expire it on all of them. Used for the consent
// cookie itself (a site that adds or drops `cookie.domain` leaves the old variant behind) and by the blocker's clearing.

/** The cookies this page can see, as `[name, value]` pairs; a name can come more than once (other domain or path). */
export const readCookies = (): [name: string, value: string][] =>
  document.cookie.split(';').flatMap((pair) => {
    let at = pair.indexOf('=')
    let name = (at < 0 ? pair : pair.slice(0, at)).trim()
    return name ? [[name, at < 0 ? '' : pair.slice(at + 1)] as [string, string]] : []
  })

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
 * Expires `name` on every variant, through `document.cookie` and, where it exists, the CookieStore API too.
 * Returns the CookieStore promises (already caught), for those who wait on them.
 */
export function expireCookie(name: string): Promise<unknown>[] {
  let secure = location.protocol == 'https:' ? ';secure' : ''
  return cookieVariants(location.hostname, location.pathname).map(([domain, path]) => {
    document.cookie = `${name}=;max-age=-1;path=${path}${domain && ';domain=' + domain}${secure}`
    // CookieStore rejects (caught) the dotted form, which document.cookie accepts.
    return (globalThis as any).cookieStore?.delete({ name, path, domain: domain || null }).catch(() => 0)
  })
}
