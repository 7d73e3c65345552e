import { createNanoEvents } from 'nanoevents'
import type { ChangeDetail, ChartoConfig, ChartoEvents, ConsentState, Method, Mode, ResolvedConfig } from './types.js'
import { resolveConfig, NECESSARY } from './config.js'
import { decodeDecision, encodeDecision, uuid, type StoredDecision } from './record.js'
import { createStore } from './storage.js'
import { connectTabs } from './sync.js'
import { has } from './has.js'
import { grantedIn } from './state.js'
import { attempt } from './attempt.js'

const DAY = 864e5
const MARKETING = 'marketing'

export interface ConsentManager {
  /** The validated configuration with defaults merged in. Extensions may read it. */
  readonly config: ResolvedConfig
  getConsent(): ConsentState
  /** For a category id or a service id; exact match only. Unknown names are not granted. */
  isGranted(name: string): boolean
  acceptAll(): void
  rejectAll(): void
  /** Keys are category or service ids. A category choice also decides its services unless they are named too. */
  setConsent(choices: Record<string, boolean>, method?: Method): void
  /** Forgets the decision: the visitor is asked again. */
  reset(): void
  on<E extends keyof ChartoEvents>(event: E, handler: ChartoEvents[E]): () => void
  /** Emits to `on` handlers and as a `charto:<event>` CustomEvent on window. For extensions. */
  emit(event: string, detail?: unknown): void
  /**
   * For extensions (a region lookup that resolves late): switches the mode (and the region), re-runs the GPC rule,
   * and emits `change` if the visitor's effective state moved.
   */
  setMode(mode: Mode, region?: string): void
  destroy(): void
}

/** An optional module (gating, UI, Consent Mode…): set up before `ready`, may return its teardown. */
export type Extension = (manager: ConsentManager) => void | (() => void)

const report = (error: unknown) => (typeof reportError === 'function' ? reportError(error) : console.error(error))

/** The headless consent manager: state, storage, events and tab sync. Touches no DOM. */
export function createConsent(options?: ChartoConfig, extensions: Extension[] = []): ConsentManager {
  let config = resolveConfig(options)
  let emitter = createNanoEvents<any>()
  let store = createStore(config)
  let decision: StoredDecision | null = null
  let ready = false
  let storeFailed = false
  let cleanups: (void | (() => void))[] = []
  let gpc = typeof navigator !== 'undefined' && (navigator as any).globalPrivacyControl === true
  let honourGpc = () => gpc && config.gpc !== false && config.mode == 'opt-out'
  let iso = (time?: number) => (time ? new Date(time).toISOString() : null)

  // The blocker asks isGranted for every gated element on every scan: it reads a state built once per decision.
  let granted: ConsentState | null = null
  let compute = (): ConsentState => {
    let categories: Record<string, boolean> = {}
    let services: Record<string, boolean> = {}
    for (let id in config.categories) {
      categories[id] =
        !!config.categories[id].required ||
        (decision ? decision.granted.includes(id) : config.mode == 'opt-out' && !(id == MARKETING && honourGpc()))
    }
    for (let id in config.services) {
      services[id] = decision && has(decision.services, id) ? decision.services[id] : !!categories[config.services[id].category]
    }
    return {
      decided: !!decision,
      categories,
      services,
      id: decision && decision.id,
      createdAt: iso(decision?.created),
      updatedAt: iso(decision?.updated),
      expiresAt: iso(decision ? decision.updated + config.consentLifetimeDays * DAY : 0),
      revision: config.revision,
      method: decision && decision.method,
      gpc,
      region: (decision ? decision.region : typeof config.region === 'string' && config.region) || null,
      language: (decision ? decision.language : config.language != 'auto' && config.language) || null
    }
  }

  // A record dated more than a day ahead was edited (or the clock is wrong): it would never expire.
  let valid = (d: StoredDecision | null, age = d ? Date.now() - d.updated : 0) =>
    d && d.revision == config.revision && age > -DAY && age < config.consentLifetimeDays * DAY ? d : null

  /** Moves to a new decision (or none) and tells everyone what changed. */
  let apply = (next: StoredDecision | null, remote?: boolean, before = compute()) => {
    let wasDecided = !!decision
    decision = next
    granted = null
    let consent = compute()
    let detail: ChangeDetail = { consent, granted: [], revoked: [] }
    if (remote) detail.remote = true
    for (let kind of ['categories', 'services'] as const) {
      for (let id of Object.keys(consent[kind])) {
        if (consent[kind][id] != before[kind][id]) detail[consent[kind][id] ? 'granted' : 'revoked'].push(id)
      }
    }
    manager.emit('change', detail)
    if (!wasDecided && next) manager.emit('consent', consent)
  }

  let decide = (categories: Record<string, boolean>, overrides: Record<string, boolean>, method: Method) => {
    let now = Date.now()
    let services: Record<string, boolean> = {}
    for (let id of Object.keys(overrides)) {
      if (has(config.services, id) && overrides[id] != categories[config.services[id].category]) services[id] = overrides[id]
    }
    let state = compute()
    let next: StoredDecision = {
      id: decision ? decision.id : uuid(),
      created: decision ? decision.created : now,
      updated: now,
      revision: config.revision,
      method,
      gpc,
      granted: Object.keys(categories).filter((id) => categories[id] && !config.categories[id].required),
      services,
      region: state.region || '',
      language: state.language || ''
    }
    let value = encodeDecision(next)
    if (!store.write(value) && !storeFailed) {
      storeFailed = true
      manager.emit('error', new Error('charto: the decision could not be stored (cookies or storage blocked, or too large); it holds for this page only'))
    }
    // A destroyed manager's channel is closed; the decision still holds here.
    attempt(() => tabs.send(value))
    apply(next)
  }

  let all = (granted: boolean): Record<string, boolean> => {
    let categories: Record<string, boolean> = {}
    for (let id in config.categories) categories[id] = granted
    return categories
  }

  /** Opt-out mode with GPC: denies marketing unless already denied. Returns true when it decided. */
  let gpcRule = () => {
    if (!honourGpc()) return false
    let state = compute()
    let marketingServices: Record<string, boolean> = {}
    for (let id in config.services) if (config.services[id].category == MARKETING) marketingServices[id] = false
    if (!decision || state.categories[MARKETING] || Object.keys(marketingServices).some((id) => state.services[id])) {
      decide({ ...state.categories, [MARKETING]: false }, { ...decision?.services, ...marketingServices }, 'gpc')
      return true
    }
    return false
  }

  let tabs = connectTabs(config.cookie.name, (value) => {
    let next = valid(decodeDecision(value))
    // Two tabs deciding at once each receive the other's message: the later decision wins in both.
    if ((next && !(decision && next.updated < decision.updated)) || value === null) apply(next, true)
  })

  let manager: ConsentManager = {
    config,
    getConsent: compute,
    isGranted: (name) => grantedIn(granted || (granted = compute()), name),
    acceptAll: () => decide(all(true), {}, 'accept-all'),
    rejectAll: () => decide(all(false), {}, 'reject-all'),
    setConsent(choices, method = 'api') {
      let state = compute()
      let categories = state.categories
      let overrides = { ...decision?.services }
      let problems: string[] = []
      for (let id of Object.keys(choices)) {
        let value = choices[id]
        if (typeof value !== 'boolean') problems.push(`"${id}" must be true or false, got ${JSON.stringify(value)}`)
        else if (has(categories, id)) {
          if (!value && config.categories[id].required) problems.push(`"${id}" is required and cannot be refused`)
          categories[id] = value
          for (let service of Object.keys(overrides)) if (config.services[service]?.category == id) delete overrides[service]
        } else if (!has(state.services, id)) {
          problems.push(`"${id}" is neither a category (${Object.keys(categories)}) nor a service (${Object.keys(state.services)})`)
        }
      }
      if (problems.length) throw new Error('charto: setConsent: ' + problems.join('; '))
      for (let id of Object.keys(choices)) if (has(state.services, id)) overrides[id] = choices[id]
      decide(categories, overrides, method)
    },
    reset() {
      store.remove()
      attempt(() => tabs.send(null))
      apply(null)
    },
    on(event, handler) {
      let safe = (detail: unknown) => {
        try {
          ;(handler as (detail: unknown) => void)(detail)
        } catch (error) {
          report(error)
        }
      }
      if (event == 'ready' && ready) safe(compute())
      return emitter.on(event, safe)
    },
    emit(event, detail) {
      emitter.emit(event, detail)
      if (typeof dispatchEvent === 'function') dispatchEvent(new CustomEvent('charto:' + event, { detail }))
    },
    setMode(mode, region) {
      let before = compute()
      let key = (state: ConsentState) => JSON.stringify([state.categories, state.services])
      config.mode = mode
      granted = null
      if (region) config.region = region
      if (!gpcRule() && key(before) != key(compute())) apply(decision, false, before)
    },
    destroy() {
      for (let cleanup of cleanups) if (cleanup) cleanup()
      tabs.close()
      emitter.events = {}
    }
  }

  for (let extension of extensions) cleanups.push(extension(manager))
  // Of several stored values (a cookie left from before `cookie.domain` changed), the latest valid decision counts.
  let returning = (decision = store
    .read()
    .map((value) => valid(decodeDecision(value)))
    .reduce((latest, next) => (next && !(latest && latest.updated >= next.updated) ? next : latest), null))
  granted = null
  // GPC overrides a stored grant before anyone hears of it: one `change` (and one Consent Mode update), then `consent`.
  gpcRule()
  if (returning) manager.emit('consent', compute())
  ready = true
  manager.emit('ready', compute())
  return manager
}

export { NECESSARY }
