// charto/nuxt: the Nuxt module. `modules: ['charto/nuxt']` and a `charto: { … }` key in nuxt.config (the charto
// configuration itself) add a client-only plugin that starts charto with `init` and provides the manager as
// `useNuxtApp().$charto`. The server never runs the plugin, so rendering touches no DOM.
//
// A plain function with `meta`, which Nuxt accepts as a module: charto does not depend on @nuxt/kit, and the few parts
// of Nuxt it uses are typed below by their shape.
import { fileURLToPath } from 'node:url'
import type { ChartoConfig } from '../core/types.js'

export type { ChartoConfig }

/** The module's options: a charto configuration, as plain data (it reaches the browser in the public runtime config). */
export type ChartoNuxtOptions = ChartoConfig

/** What the module reads and changes on Nuxt's build-time instance. */
export interface NuxtForCharto {
  options: {
    charto?: ChartoNuxtOptions
    plugins: Array<string | { src: string; mode?: 'all' | 'client' | 'server' }>
    runtimeConfig: { public?: Record<string, unknown> }
  }
  hook?(name: 'prepare:types', callback: (types: { declarations: string[] }) => void): unknown
}

export interface ChartoNuxtModule {
  (this: void, inlineOptions: ChartoNuxtOptions, nuxt: NuxtForCharto): void
  meta: { name: 'charto'; configKey: 'charto' }
  getMeta(): Promise<{ name: 'charto'; configKey: 'charto' }>
  getOptions(inlineOptions?: ChartoNuxtOptions, nuxt?: NuxtForCharto): Promise<ChartoNuxtOptions>
}

/** The plugin ships next to this module in dist/; Nuxt's bundler compiles it into the browser build only. */
const pluginPath = () => fileURLToPath(new URL('./nuxt-plugin.js', import.meta.url))

/** The options from `modules: [['charto/nuxt', { … }]]` override those of the `charto` key, one level deep. */
const mergeOptions = (inlineOptions: ChartoNuxtOptions | undefined, nuxt: NuxtForCharto | undefined): ChartoNuxtOptions => ({
  ...nuxt?.options.charto,
  ...inlineOptions
})

const meta = { name: 'charto', configKey: 'charto' } as const

/**
 * The configuration as it will reach the browser: the public runtime config is serialised, so a function (`onAccept`)
 * would vanish there without a word. It is left out here instead, and the warning names it and what to do.
 */
function withoutCallbacks(value: unknown, path: string): unknown {
  if (Array.isArray(value)) return value.map((item, index) => withoutCallbacks(item, `${path}[${index}]`))
  if (value === null || typeof value != 'object') return value
  let data: Record<string, unknown> = {}
  for (let [key, item] of Object.entries(value)) {
    if (typeof item == 'function') {
      console.warn(
        `charto/nuxt: \`${path}.${key}\` is a function, and the configuration reaches the browser as data, so it is left ` +
          `out. Listen with \`useNuxtApp().$charto.on(…)\` in a plugin or component instead.`
      )
    } else data[key] = withoutCallbacks(item, `${path}.${key}`)
  }
  return data
}

const chartoModule = function setupCharto(inlineOptions: ChartoNuxtOptions, nuxt: NuxtForCharto): void {
  let config = withoutCallbacks(mergeOptions(inlineOptions, nuxt), 'charto')
  let runtimeConfig = nuxt.options.runtimeConfig
  runtimeConfig.public = { ...runtimeConfig.public, charto: config }
  nuxt.options.plugins.push({ src: pluginPath(), mode: 'client' })
  // `useNuxtApp().$charto` and `this.$charto` in templates get the manager's type.
  nuxt.hook?.('prepare:types', ({ declarations }) => {
    declarations.push(
      "declare module '#app' { interface NuxtApp { $charto: import('charto').UiManager } }",
      "declare module 'vue' { interface ComponentCustomProperties { $charto: import('charto').UiManager } }"
    )
  })
} as ChartoNuxtModule

chartoModule.meta = meta
chartoModule.getMeta = () => Promise.resolve(meta)
chartoModule.getOptions = (inlineOptions, nuxt) => Promise.resolve(mergeOptions(inlineOptions, nuxt))

export default chartoModule
