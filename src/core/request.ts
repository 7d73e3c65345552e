// The consent state a server renders with: read from the request's Cookie and Sec-GPC headers, so that a framework's
// server-rendered page already shows what the browser will show once charto starts there (no banner flash for a
// returning visitor, GPC honoured in the first render, no hydration mismatch). Node, edge and browser alike: no DOM.
import type { ChartoConfig, ConsentState, Method } from './types.js'
import { resolveConfig } from './config.js'
import { has } from './has.js'
import { decodeDecision, newer, type StoredDecision } from './record.js'
import { undecidedState } from './state.js'

const DAY = 864e5
const MARKETING = 'marketing'

/**
 * Request headers as frameworks hand them over: a Fetch `Headers` (Next.js `headers()`, SvelteKit and Astro
 * `request.headers`) or a plain Node object (`req.headers`, Nuxt's `useRequestHeaders()`).
 */
export type RequestHeaders = { get(name: string): string | null | undefined } | Record<string, string | string[] | undefined>

const header = (headers: RequestHeaders, name: string): string => {
  let value = typeof headers.get == 'function' ? (headers as { get(name: string): unknown }).get(name) : (headers as Record<string, unknown>)[name]
  return Array.isArray(value) ? value.join('; ') : typeof value == 'string' ? value : ''
}

/** Every value the Cookie header holds under `name` (a host-only and a domain cookie can both be sent). */
const cookieValues = (cookieHeader: string, name: string): string[] =>
  cookieHeader.split(';').flatMap((pair) => {
    let at = pair.indexOf('=')
    return at > 0 && pair.slice(0, at).trim() == name ? [pair.slice(at + 1).trim()] : []
  })

/**
 * The state charto will have in the browser for this request, as far as a server can know it: the newest valid
 * decision in the consent cookie (none when it is missing, corrupt, expired or from an older `revision`), with the
 * Global Privacy Control rule applied as the browser applies it when `Sec-GPC: 1` is sent (in opt-out mode, marketing
 * is refused at once). A first decision GPC makes has no id yet: the browser gives it one.
 *
 * With `storage: 'localStorage'` the server sees no decision; a region lookup that changes the mode late is not
 * known either. Never throws for anything a request can contain; an invalid `config` throws as in `createConsent`.
 */
export function consentFromHeaders(config: ChartoConfig | undefined, headers: RequestHeaders): ConsentState {
  let resolved = resolveConfig(config)
  let gpc = header(headers, 'sec-gpc').trim() == '1'
  let now = Date.now()
  let stored =
    resolved.storage == 'localStorage'
      ? null
      : cookieValues(header(headers, 'cookie'), resolved.cookie.name).reduce<StoredDecision | null>((latest, value) => {
          let record = decodeDecision(value)
          return newer(record, latest) ? record : latest
        }, null)
  let age = stored ? now - stored.updated : 0
  let decision = stored && stored.method != 'reset' && stored.revision >= resolved.revision && age > -DAY && age < resolved.consentLifetimeDays * DAY ? stored : null

  let state = undecidedState(resolved)
  state.gpc = gpc
  let categories = state.categories
  let services = state.services
  for (let id in categories) {
    categories[id] = !!resolved.categories[id].required || (decision ? decision.granted.includes(id) : resolved.mode == 'opt-out')
  }
  for (let id in services) services[id] = decision && has(decision.services, id) ? decision.services[id] : categories[resolved.services[id].category]
  // 'auto' is the browser's language: not known here.
  if (state.language == 'auto') state.language = null
  if (decision) {
    Object.assign(state, {
      decided: true,
      id: decision.id,
      createdAt: new Date(decision.created).toISOString(),
      updatedAt: new Date(decision.updated).toISOString(),
      expiresAt: new Date(decision.updated + resolved.consentLifetimeDays * DAY).toISOString(),
      method: decision.method as Method,
      region: decision.region || null,
      language: decision.language || null
    })
  }

  // The browser's GPC rule: in opt-out mode marketing and its services are refused, as a decision of its own.
  let honoured = gpc && resolved.gpc !== false && resolved.mode == 'opt-out'
  let marketingServices = Object.keys(services).filter((id) => resolved.services[id].category == MARKETING)
  if (honoured && (!decision || categories[MARKETING] || marketingServices.some((id) => services[id]))) {
    categories[MARKETING] = !!resolved.categories[MARKETING].required
    for (let id of marketingServices) services[id] = false
    // Dated now, as the browser dates it; a first decision's id is made there.
    Object.assign(state, {
      decided: true,
      method: 'gpc' as Method,
      createdAt: state.createdAt || new Date(now).toISOString(),
      updatedAt: new Date(now).toISOString(),
      expiresAt: new Date(now + resolved.consentLifetimeDays * DAY).toISOString()
    })
  }
  return state
}
