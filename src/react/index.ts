'use client'
// charto/react: a provider, hooks and a gate component over the headless consent manager.
// Written with createElement (no JSX) so it builds without a JSX transform.
import {
  createContext,
  createElement,
  Fragment,
  useContext,
  useEffect,
  useMemo,
  useState,
  useSyncExternalStore,
  type ReactNode
} from 'react'
import { createConsent, type ConsentManager, type Extension } from '../core/consent.js'
import { resolveConfig } from '../core/config.js'
import { grantedIn, undecidedState } from '../core/state.js'

export { grantedIn, undecidedState }
import type { ChartoConfig, ConsentState, ResolvedConfig } from '../core/types.js'

export type { ConsentManager, Extension, ChartoConfig, ConsentState }

interface Store {
  subscribe(listener: () => void): () => void
  get(): ConsentState
  server(): ConsentState
}

// One cached snapshot per manager: useSyncExternalStore needs the same object until something changes.
const stores = new WeakMap<ConsentManager, Store>()

function storeFor(manager: ConsentManager): Store {
  let store = stores.get(manager)
  if (store) return store
  let snapshot: ConsentState | undefined
  let server: ConsentState | undefined
  let listeners = new Set<() => void>()
  // One permanent handler per manager (manager.destroy() drops it): the cached snapshot is renewed on each change.
  manager.on('change', () => {
    snapshot = undefined
    for (let notify of [...listeners]) notify()
  })
  store = {
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    get: () => (snapshot ||= manager.getConsent()),
    server: () => (server ||= undecidedState(manager.config))
  }
  stores.set(manager, store)
  return store
}

interface ContextValue {
  /** Null on the server and, with `config`, until the provider has created the manager after mounting. */
  manager: ConsentManager | null
  /** What the server renders and hydration sees: `initialState`, else the undecided state. */
  undecided: ConsentState
}

const ChartoContext = createContext<ContextValue | null>(null)
ChartoContext.displayName = 'ChartoContext'

export interface ChartoProviderProps {
  /** A manager you created with `createConsent` (or `Charto.init`) in client-only code. */
  manager?: ConsentManager
  /**
   * Or a configuration: the provider creates the manager itself, on the client only, after mounting
   * (so server rendering never touches `window`), and destroys it on unmount.
   */
  config?: ChartoConfig
  /** Extensions (UI, blocker, signals…) for the manager the provider creates from `config`. */
  extensions?: Extension[]
  /**
   * The state to render on the server and during hydration, instead of the undecided one: what the server read from
   * the request with `consentFromHeaders` (charto), so that a returning visitor's first render already shows what
   * they chose, and a visitor sending GPC sees it honoured. Read on the first render only.
   */
  initialState?: ConsentState
  children?: ReactNode
}

/** Makes a consent manager available to `useConsent`, `useIsGranted` and `<Consent>` below it. */
export function ChartoProvider(props: ChartoProviderProps) {
  let { manager: given, config, extensions, initialState, children } = props
  if (!given && !config) throw new Error('charto/react: <ChartoProvider> needs a `manager` or a `config`')
  let [created, setCreated] = useState<ConsentManager | null>(null)
  // Validated once; the configuration is read on the first render only, like a useState initialiser.
  let [resolved] = useState(() => (given ? given.config : resolveConfig(config)))
  let [initial] = useState(initialState)
  useEffect(() => {
    if (given) return
    let manager = createConsent(config, extensions || [])
    setCreated(manager)
    return () => {
      setCreated(null)
      manager.destroy()
    }
    // The manager is created once per mount; later changes to `config` or `extensions` are ignored.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [given])
  let manager = given || created
  let value = useMemo<ContextValue>(
    () => ({ manager, undecided: initial || (manager ? storeFor(manager).server() : undecidedState(resolved)) }),
    [manager, resolved, initial]
  )
  return createElement(ChartoContext.Provider, { value }, children)
}

function useChartoContext(hook: string): ContextValue {
  let context = useContext(ChartoContext)
  if (!context) throw new Error(`charto/react: ${hook} must be used inside <ChartoProvider>`)
  return context
}

const noSubscription = () => () => {}

/**
 * The visitor's consent state, re-rendering on every change of decision. On the server and during hydration it is
 * the provider's `initialState`, else the undecided state (every optional category off, `decided: false`); the real
 * state follows right after hydration.
 */
export function useConsent(): ConsentState {
  let { manager, undecided } = useChartoContext('useConsent()')
  let store = manager && storeFor(manager)
  let fallback = () => undecided
  return useSyncExternalStore(store ? store.subscribe : noSubscription, store ? store.get : fallback, fallback)
}

/** Whether a category or service id is granted; false on the server, while undecided and for unknown names. */
export function useIsGranted(name: string): boolean {
  return grantedIn(useConsent(), name)
}

/** The manager, for actions such as `acceptAll()` or `setConsent()`; null on the server and before it is created. */
export function useConsentManager(): ConsentManager | null {
  return useChartoContext('useConsentManager()').manager
}

export interface ConsentProps {
  /** Show the children when this category is granted. */
  category?: string
  /** Show the children when this service is granted (its own decision, else its category's). Wins over `category`. */
  service?: string
  /** Rendered instead while not granted (and always on the server). */
  fallback?: ReactNode
  children?: ReactNode
}

/** Renders its children only with consent: `<Consent category="marketing" fallback={<p>…</p>}>…</Consent>`. */
export function Consent({ category, service, fallback = null, children }: ConsentProps) {
  let name = service || category
  if (!name) throw new Error('charto/react: <Consent> needs a `category` or a `service`')
  let granted = useIsGranted(name)
  return createElement(Fragment, null, granted ? children : fallback)
}
