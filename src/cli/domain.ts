// "Same site" without shipping the Public Suffix List: good for ordinary domains and the common country
// second levels (example.co.uk). Hosts under private suffixes (github.io, herokuapp.com…) all count as one site;
// `--first-party` adds domains the audit should treat as the page's own.

const SECOND_LEVELS = new Set('ac co com edu gob gov go gv ltd mil ne net nhs nom or org plc sch'.split(' '))

/** The registrable domain of a host name: `www.shop.example.co.uk` → `example.co.uk`; IPs and single labels as they are. */
export function registrableDomain(host: string): string {
  host = host.toLowerCase().replace(/\.$/, '').replace(/^\[|\]$/g, '')
  if (!host.includes('.') || host.includes(':') || /^\d+(\.\d+){3}$/.test(host)) return host
  let labels = host.split('.')
  let n = labels.length > 2 && labels[labels.length - 1].length === 2 && SECOND_LEVELS.has(labels[labels.length - 2]) ? 3 : 2
  return labels.slice(-n).join('.')
}

/** True when `host` is `domain` or one of its subdomains. */
export const withinDomain = (host: string, domain: string) => {
  host = host.toLowerCase().replace(/^\./, '')
  domain = domain.toLowerCase().replace(/^\./, '')
  return host === domain || host.endsWith('.' + domain)
}
