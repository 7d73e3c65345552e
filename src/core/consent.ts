import { createNanoEvents } from 'nanoevents'
import type { ChangeDetail, ChartoConfig, ChartoEvents, ConsentState, Method, Mode, ResolvedConfig } from './types.js'
import { resolveConfig, NECESSARY } from './config.js'
import { decodeDecision, encodeDecision, newer, uuid, LAST_SEQUENCE, METHODS, type StoredDecision, type StoredMethod } from './record.js'
import { createStore } from './storage.js'
import { connectTabs } from './sync.js'
import { has, isObject } from './has.js'
import { grantedIn } from './state.js'
import { attempt } from './attempt.js'
import { developmentWarnings } from '../dev-warnings/index.js'

/**
 * `isDevelopment` (src/development.ts), spelled out here: the build replaces `CHARTO_DEVELOPMENT` where it is written,
 * and esbuild does not inline a constant imported from another module, so through the import the warnings would reach
 * every production file (about 0.9 kB brotli, measured).
 */
declare const CHARTO_DEVELOPMENT: boolean | undefined

const DAY = 864e5
const MARKETING = 'marketing'

export interface ConsentManager {
  /** The validated configuration with defaults merged in, frozen: nothing changes it after start. Extensions may read it. */
  readonly config: ResolvedConfig
  /** The mode in force: `config.mode`, or the one a region policy chose for the visitor's region. */
  readonly mode: Mode
  /** The visitor's region code (`config.region`, or what a region lookup answered); null while unknown. */
  readonly region: string | null
  /**
   * The language asked for or shown: `config.language`, or `setLanguage`'s. `'auto'` until the dialog picks one from
   * the page and the browser; null when none was configured.
   */
  readonly language: string | null
  getConsent(): ConsentState
  /** For a category id or a service id; exact match only. Unknown names are not granted. */
  isGranted(name: string): boolean
  acceptAll(): void
  rejectAll(): void
  /** Keys are category or service ids. A category choice also decides its services unless they are named too. */
  setConsent(choices: Record<string, boolean>, method?: Method): void
  /** Forgets the decision: the visitor is asked again. */
  reset(): void
  /**
   * Switches the language ('auto' or a code among the registered translations): the dialog draws itself again in it,
   * and the consent state and records report it. Emits `language` when it changes.
   */
  setLanguage(code: string): void
  on<E extends keyof ChartoEvents>(event: E, handler: ChartoEvents[E]): () => void
  /**
   * Reads the stored decision again. A newer one (made on another subdomain, in a tab on another revision, or while
   * this page sat in the back/forward cache) takes over; this page's own is put back if something removed it (a
   * `Clear-Site-Data` response, the browser's "clear cookies"). charto does this itself when the page is shown or gets
   * focus, before it grants anything more, and after each consent record is delivered.
   */
  sync(): void
  destroy(): void
}

/**
 * What an extension is handed, like a floating-ui middleware's state: the public manager (to read, listen, and add its
 * methods to), the frozen configuration, and what only extensions may do, which the public manager does not offer.
 */
export interface ExtensionContext {
  readonly manager: ConsentManager
  /** The same frozen object as `manager.config`. */
  readonly config: ResolvedConfig
  /** Emits to `on` handlers and as a `charto:<event>` CustomEvent on window. */
  emit<E extends keyof ChartoEvents>(event: E, detail: Parameters<ChartoEvents[E]>[0]): void
  /**
   * Switches the mode (a region lookup that resolves late), re-runs the GPC rule, and emits `change` if the visitor's
   * effective state moved. During setup, before `ready`, it only sets the mode the start begins with.
   */
  setMode(mode: Mode): void
  /** Sets the visitor's region code (null: unknown), which the state and new decisions report. */
  setRegion(region: string | null): void
}

/**
 * An optional module (gating, the dialog, Consent Mode…): set up before `ready` with its context, may return its
 * teardown. `Methods` are what it adds to the manager (the dialog's `show()`, say), so that
 * `createConsent(config, [ui])` has them.
 */
export type Extension<Methods extends object = {}> = ((context: ExtensionContext) => void | (() => void)) & {
  /** Never set: it carries the methods' type. */
  readonly methods?: Methods
}

/** The methods the listed extensions add, as one type. */
export type MethodsOf<List extends readonly Extension<any>[]> = (
  List[number] extends infer Each ? (Each extends Extension<infer Methods> ? (methods: Methods) => void : never) : never
) extends (methods: infer All) => void
  ? All
  : never

const report = (error: unknown) => (typeof reportError === 'function' ? reportError(error) : console.error(error))
/** A value as a message quotes it; never throws (a BigInt, a cycle). */
const shown = (value: unknown) => attempt(() => JSON.stringify(value)) || typeof value

/** The headless consent manager: state, storage, events and tab sync. Touches no DOM. */
export function createConsent(options?: ChartoConfig): ConsentManager
export function createConsent<const List extends readonly Extension<any>[]>(options: ChartoConfig | undefined, extensions: List): ConsentManager & MethodsOf<List>
export function createConsent(options?: ChartoConfig, extensions: readonly Extension<any>[] = []): ConsentManager {
  let config = resolveConfig(options)
  // Manager state that modules change through setters, never by writing into the frozen configuration.
  let mode = config.mode
  let region = typeof config.region == 'string' ? config.region : null
  let language = config.language || null
  let emitter = createNanoEvents<any>()
  // Handler lists with no prototype: an event name an object inherits (`on('constructor')`) is a list like any other.
  emitter.events = Object.create(null)
  let store = createStore(config)
  // The newest record this page knows: a decision, or a reset. A reset leaves a record too, so that a tab on another
  // subdomain still holding the old decision takes the reset rather than putting the old decision back.
  let held: StoredDecision | null = null
  // `held` when it is a decision that holds here (not a reset, not expired, not of an older revision).
  let decision: StoredDecision | null = null
  // Whether `held` is in storage, so that a reload keeps it: false once storage refused it.
  let stored = true
  // The highest sequence seen in storage or in a message: the next decision counts one more.
  let highest = 0
  let ready = false
  let reported = false
  let checked = false
  let cleanups: (void | (() => void))[] = []
  let gpc = typeof navigator !== 'undefined' && (navigator as any).globalPrivacyControl === true
  let honourGpc = () => gpc && config.gpc !== false && mode == 'opt-out'
  let iso = (time?: number) => (time ? new Date(time).toISOString() : null)

  // The blocker asks isGranted for every gated element on every scan, and at start every extension and listener asks
  // for the state: all of them get one snapshot, built once per decision. It is frozen, so that no listener can change
  // what the others, and isGranted, see.
  let granted: ConsentState | null = null
  let current = () => granted || (granted = freeze(compute()))
  let freeze = (state: ConsentState) => (Object.freeze(state.categories), Object.freeze(state.services), Object.freeze(state))
  let compute = (): ConsentState => {
    let categories: Record<string, boolean> = {}
    let services: Record<string, boolean> = {}
    for (let id in config.categories) {
      categories[id] =
        !!config.categories[id].required ||
        (decision ? decision.granted.includes(id) : mode == 'opt-out' && !(id == MARKETING && honourGpc()))
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
      method: decision && (decision.method as Method),
      gpc,
      region: (decision ? decision.region : region) || null,
      language: (decision ? decision.language : language != 'auto' && language) || null
    }
  }

  // A record dated more than a day ahead was edited (or the clock is wrong): it would never expire. A decision made for
  // a newer revision holds in a page still on an older one (a tab open since before the deploy).
  let valid = (d: StoredDecision | null, age = d ? Date.now() - d.updated : 0) =>
    d && d.method != 'reset' && d.revision >= config.revision && age > -DAY && age < config.consentLifetimeDays * DAY ? d : null

  /** Puts `record` in force and tells everyone what changed. */
  let apply = (record: StoredDecision | null, remote?: boolean, before = current()) => {
    let wasDecided = !!decision
    held = record
    decision = valid(record)
    granted = null
    // Handlers that ask isGranted now hear this state: storage is not read again while they are being told.
    firstInTask()
    let consent = current()
    let detail: ChangeDetail = { consent, granted: [], revoked: [], stored }
    if (remote) detail.remote = true
    for (let kind of ['categories', 'services'] as const) {
      for (let id of Object.keys(consent[kind])) {
        if (consent[kind][id] != before[kind][id]) detail[consent[kind][id] ? 'granted' : 'revoked'].push(id)
      }
    }
    emit('change', detail)
    if (!wasDecided && decision) emit('consent', consent)
  }

  /** Reads one stored or received value, noting its sequence. */
  let read = (value: unknown) => {
    let record = decodeDecision(value)
    if (record && record.sequence > highest) highest = record.sequence
    return record
  }
  let newest = (records: (StoredDecision | null)[]) => records.reduce((latest, record) => (newer(record, latest) ? record : latest), null)
  // A cookie can be there more than once (a host-only one and one with `cookie.domain`): the newest counts.
  let inStorage = () => newest(store.read().map(read))

  /** Writes the record this page holds; reports once when storage refuses. */
  let keep = (record: StoredDecision) => {
    stored = !!store.write(encodeDecision(record))
    if (!stored && !reported) {
      reported = true
      emit('error', new Error('charto: the decision could not be stored (cookies or storage blocked, or too large); it holds for this page only'))
    }
  }

  /**
   * The newest of what this page holds, what a message brought and what storage holds takes over. Then storage gets
   * it back if it lost it or holds an older one: a `Clear-Site-Data` response, or two tabs that decided at once and
   * wrote in the other order.
   */
  let sync = (message?: unknown) => {
    firstInTask()
    let saved = inStorage()
    let next = newest([held, read(message), saved])
    let moved = next != held
    // It came from storage, or from a tab that stored it.
    if (moved) stored = true
    if (stored && newer(next, saved)) keep(next!)
    if (moved) apply(next, true)
  }

  /** True once until the pending microtasks have run: storage is read at most once per task, however often isGranted asks. */
  let firstInTask = () => !checked && ((checked = true), queueMicrotask(() => (checked = false)), true)

  /** Makes a decision (or a reset) the newest record: stored, announced to the other tabs, in force. */
  let decide = (categories: Record<string, boolean>, overrides: Record<string, boolean>, method: StoredMethod) => {
    // First whatever was decided elsewhere meanwhile: it is what this decision changes, and its sequence counts.
    if (firstInTask()) sync()
    let now = Date.now()
    let services: Record<string, boolean> = {}
    for (let id of Object.keys(overrides)) {
      if (has(config.services, id) && overrides[id] != categories[config.services[id].category]) services[id] = overrides[id]
    }
    let state = current()
    let record: StoredDecision = {
      id: decision ? decision.id : uuid(),
      // A first decision dated ahead (a cookie up to a day in the future) must not make this one unreadable.
      created: decision ? Math.min(decision.created, now) : now,
      // Id and time name a decision (the records service keeps one per pair, a receipt's id is made of them): one
      // made within the millisecond of the decision it changes is dated just after it. Not after one dated far ahead
      // (a fast clock elsewhere), whose skew it would carry on.
      updated: decision && decision.updated >= now && decision.updated < now + 1e3 ? decision.updated + 1 : now,
      sequence: (highest = Math.min(highest + 1, LAST_SEQUENCE)),
      // Never below the decision it changes: a tab still on an older revision must not send the visitor who just
      // decided back to the question on every page of the newer one.
      revision: Math.max(config.revision, decision ? decision.revision : 0),
      method,
      gpc,
      granted: Object.keys(categories).filter((id) => categories[id] && !config.categories[id].required),
      services,
      region: state.region || '',
      language: state.language || ''
    }
    keep(record)
    // A destroyed manager's channel is closed; the decision still holds here.
    attempt(() => tabs.send(encodeDecision(record)))
    apply(record)
  }

  /** Every category granted, or every one refused. */
  let all = (granted: boolean) => Object.fromEntries(Object.keys(config.categories).map((id) => [id, granted]))

  /** Opt-out mode with GPC: denies marketing unless already denied. Returns true when it decided. */
  let gpcRule = () => {
    if (!honourGpc()) return false
    let state = current()
    let marketingServices: Record<string, boolean> = {}
    for (let id in config.services) if (config.services[id].category == MARKETING) marketingServices[id] = false
    if (!decision || state.categories[MARKETING] || Object.keys(marketingServices).some((id) => state.services[id])) {
      decide({ ...state.categories, [MARKETING]: false }, { ...decision?.services, ...marketingServices }, 'gpc')
      return true
    }
    return false
  }

  let tabs = connectTabs(config.cookie.name, sync)

  /** A public method given bad input: the call is ignored (no public method throws) and the error event says why. */
  let refuse = (problem: string) => emit('error', new TypeError('charto: ' + problem))

  let emit: ExtensionContext['emit'] = (event, detail) => {
    emitter.emit(event, detail)
    if (typeof dispatchEvent === 'function') dispatchEvent(new CustomEvent('charto:' + event, { detail }))
  }

  let setMode = (next: Mode) => {
    if (next == mode) return
    let before = current()
    let key = (state: ConsentState) => JSON.stringify([state.categories, state.services])
    mode = next
    granted = null
    emit('mode', mode)
    // During setup nobody has heard a state yet: the start below applies the GPC rule and announces it.
    if (ready && !gpcRule() && key(before) != key(current())) apply(held, false, before)
  }

  let setRegion = (next: string | null) => {
    if (next == region) return
    region = next
    granted = null
    emit('region', region)
  }

  let manager: ConsentManager = {
    config,
    get mode() {
      return mode
    },
    get region() {
      return region
    },
    get language() {
      return language
    },
    getConsent: current,
    isGranted(name) {
      // Before granting anything more: a decision made meanwhile where no message reaches (another subdomain, while
      // this page sat in the back/forward cache) is looked for, at most once per task.
      if (grantedIn(current(), name) && firstInTask()) sync()
      return grantedIn(current(), name)
    },
    acceptAll: () => decide(all(true), {}, 'accept-all'),
    rejectAll: () => decide(all(false), {}, 'reject-all'),
    setConsent(choices, method = 'api') {
      if (firstInTask()) sync()
      let state = compute()
      let categories = state.categories
      let overrides = { ...decision?.services }
      let problems: string[] = []
      if (!isObject(choices)) problems.push(`the choices must be an object such as { performance: true }, got ${shown(choices)}`)
      // Every stored method but the last, `reset`, which is reset()'s own.
      let methods = METHODS.slice(0, -1)
      if (!methods.includes(method)) problems.push(`the method must be one of ${methods}, got ${shown(method)}`)
      for (let id of Object.keys(isObject(choices) ? choices : {})) {
        let value = choices[id]
        if (typeof value !== 'boolean') problems.push(`"${id}" must be true or false, got ${shown(value)}`)
        else if (has(categories, id)) {
          if (!value && config.categories[id].required) problems.push(`"${id}" is required and cannot be refused`)
          categories[id] = value
          for (let service of Object.keys(overrides)) if (config.services[service]?.category == id) delete overrides[service]
        } else if (!has(state.services, id)) {
          problems.push(`"${id}" is neither a category (${Object.keys(categories)}) nor a service (${Object.keys(state.services)})`)
        }
      }
      if (problems.length) return refuse('setConsent: ' + problems.join('; '))
      for (let id of Object.keys(choices)) if (has(state.services, id)) overrides[id] = choices[id]
      decide(categories, overrides, method)
    },
    // Stored as a record of its own: a tab elsewhere holding the old decision takes the reset instead of restoring it.
    reset: () => decide(all(false), {}, 'reset'),
    setLanguage(code) {
      if (typeof code != 'string' || !code) return refuse(`setLanguage: the code must be 'auto' or a language code such as 'de', got ${shown(code)}`)
      if (code == language) return
      language = code
      granted = null
      emit('language', code)
    },
    on(event, handler) {
      let safe = (detail: unknown) => {
        try {
          ;(handler as (detail: unknown) => void)(detail)
        } catch (error) {
          report(error)
        }
      }
      if (event == 'ready' && ready) safe(current())
      return emitter.on(event, safe)
    },
    sync: () => sync(),
    destroy() {
      for (let cleanup of cleanups) if (cleanup) cleanup()
      tabs.close()
      emitter.events = Object.create(null)
    }
  }

  let context: ExtensionContext = { manager, config, emit, setMode, setRegion }
  // The development build adds its warnings last, once every extension has added its methods. One that throws (a
  // page whose dataLayer takes no entries, say) is reported, and the manager and the others start without it.
  for (let extension of typeof CHARTO_DEVELOPMENT != 'undefined' && CHARTO_DEVELOPMENT ? [...extensions, developmentWarnings] : extensions) {
    try {
      cleanups.push(extension(context))
    } catch (error) {
      emit('error', error)
    }
  }
  firstInTask()
  let returning = (decision = valid((held = inStorage())))
  granted = null
  // GPC overrides a stored grant before anyone hears of it: one `change` (and one Consent Mode update), then `consent`.
  gpcRule()
  if (returning) emit('consent', current())
  ready = true
  emit('ready', current())
  return manager
}

export { NECESSARY }
