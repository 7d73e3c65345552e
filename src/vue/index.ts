// charto/vue: a plugin (or provideCharto in a setup function), composables and a gate component.
// Render functions only, so no SFC compile step is needed.
import {
  computed,
  defineComponent,
  getCurrentInstance,
  inject,
  onMounted,
  onUnmounted,
  provide,
  shallowRef,
  toValue,
  type App,
  type ComputedRef,
  type InjectionKey,
  type MaybeRefOrGetter,
  type Plugin,
  type PropType,
  type ShallowRef
} from 'vue'
import { createConsent, type ConsentManager, type Extension } from '../core/consent.js'
import { resolveConfig } from '../core/config.js'
import { grantedIn, undecidedState } from '../core/state.js'

export { grantedIn, undecidedState }
import type { ChartoConfig, ConsentState, ResolvedConfig } from '../core/types.js'

export type { ConsentManager, Extension, ChartoConfig, ConsentState }

/** A manager created in client-only code, or a configuration to create one on the client after mounting. */
export type ChartoOptions =
  | ConsentManager
  | { manager: ConsentManager }
  | { config: ChartoConfig; extensions?: Extension[] }

export interface ChartoContext {
  /** Null on the server and until the app (or the providing component) has mounted. */
  manager: Readonly<ShallowRef<ConsentManager | null>>
  state: Readonly<ShallowRef<ConsentState>>
}

export const CHARTO_KEY: InjectionKey<ChartoContext> = Symbol('charto')

const isManager = (value: unknown): value is ConsentManager =>
  !!value && typeof (value as ConsentManager).getConsent === 'function'

/**
 * Builds the context. The state starts undecided on both server and client so hydration matches;
 * `start()` (called once mounted, on the client only) creates or adopts the manager and follows its changes.
 */
function createContext(options: ChartoOptions) {
  let given = isManager(options) ? options : 'manager' in options ? options.manager : null
  if (!given && !(options as { config?: unknown }).config) {
    throw new Error('charto/vue: pass a consent manager, { manager } or { config }')
  }
  let config = given ? given.config : resolveConfig((options as { config: ChartoConfig }).config)
  let manager = shallowRef<ConsentManager | null>(null)
  let state = shallowRef<ConsentState>(undecidedState(config))
  let stop: (() => void) | undefined
  let context: ChartoContext = { manager, state }
  return {
    context,
    start() {
      if (stop) return
      let m = given || createConsent((options as { config: ChartoConfig }).config, (options as { extensions?: Extension[] }).extensions || [])
      let off = m.on('change', () => (state.value = m.getConsent()))
      manager.value = m
      state.value = m.getConsent()
      stop = () => {
        off()
        if (!given) m.destroy()
        manager.value = null
        state.value = undecidedState(config)
        stop = undefined
      }
    },
    stop: () => stop && stop()
  }
}

/**
 * The plugin: `app.use(ChartoPlugin, manager)`, `app.use(ChartoPlugin, { manager })` or
 * `app.use(ChartoPlugin, { config, extensions })` (or `app.use(createCharto(options))`).
 * The manager is created (or adopted) when the app mounts, so `createSSRApp(…).use(…)` renders on the server
 * without touching `window`, and hydration sees the same undecided state the server rendered.
 */
export const ChartoPlugin: { install(app: App, options: ChartoOptions): void } = {
  install(app: App, options: ChartoOptions) {
    let { context, start, stop } = createContext(options)
    app.provide(CHARTO_KEY, context)
    let mount = app.mount
    app.mount = ((...args: Parameters<App['mount']>) => {
      let root = mount(...args)
      start()
      return root
    }) as App['mount']
    // app.onUnmount arrived in Vue 3.5; before it the manager simply lives as long as the page.
    ;(app as { onUnmount?: (fn: () => void) => void }).onUnmount?.(stop)
  }
}

/** `app.use(createCharto({ config }))`: the plugin with its options bound. */
export function createCharto(options: ChartoOptions): Plugin {
  return { install: (app: App) => ChartoPlugin.install(app, options) }
}

/** The same as the plugin, from a component's setup(): the manager follows the component's mount and unmount. */
export function provideCharto(options: ChartoOptions): ChartoContext {
  if (!getCurrentInstance()) throw new Error('charto/vue: provideCharto() must be called inside setup()')
  let { context, start, stop } = createContext(options)
  provide(CHARTO_KEY, context)
  onMounted(start)
  onUnmounted(stop)
  return context
}

function useContext(name: string): ChartoContext {
  let context = inject(CHARTO_KEY, null)
  if (!context) throw new Error(`charto/vue: ${name} needs app.use(ChartoPlugin, …) or provideCharto(…) in a parent component`)
  return context
}

/** The consent state as a shallow ref, replaced on every change of decision. Undecided on the server and until mounted. */
export function useConsent(): Readonly<ShallowRef<ConsentState>> {
  return useContext('useConsent()').state
}

/** Whether a category or service id is granted; false on the server, while undecided and for unknown names. */
export function useIsGranted(name: MaybeRefOrGetter<string>): ComputedRef<boolean> {
  let state = useContext('useIsGranted()').state
  return computed(() => grantedIn(state.value, toValue(name)))
}

/** The manager, for actions such as `acceptAll()`; null on the server and until mounted. */
export function useConsentManager(): Readonly<ShallowRef<ConsentManager | null>> {
  return useContext('useConsentManager()').manager
}

/**
 * Renders its default slot only with consent, else the `fallback` slot:
 * `h(Consent, { category: 'marketing' }, { default: () => …, fallback: () => … })`, or in a template
 * `<Consent service="youtube"><iframe …/><template #fallback>…</template></Consent>`.
 */
export const Consent = defineComponent({
  name: 'ChartoConsent',
  props: {
    category: { type: String as PropType<string>, default: undefined },
    /** Wins over `category`: the service's own decision, else its category's. */
    service: { type: String as PropType<string>, default: undefined }
  },
  setup(props, { slots }) {
    let state = useContext('<Consent>').state
    return () => {
      let name = props.service || props.category
      if (!name) throw new Error('charto/vue: <Consent> needs a `category` or a `service`')
      return grantedIn(state.value, name) ? slots.default?.() : slots.fallback?.()
    }
  }
})
