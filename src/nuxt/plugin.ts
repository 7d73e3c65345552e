// The browser half of charto/nuxt (dist/nuxt-plugin.js), added by the module as a client-only plugin: Nuxt never
// runs it on the server. It starts charto with the configuration the module put in the public runtime config.
// @ts-ignore: '#app' is Nuxt's own alias, resolved by the app's bundler
import { defineNuxtPlugin } from '#app'
import { init } from '../init.js'
import type { ChartoConfig } from '../core/types.js'
import type { UiManager } from '../ui/index.js'

interface NuxtAppForCharto {
  $config: { public: { charto?: ChartoConfig } }
}

export default defineNuxtPlugin({
  name: 'charto',
  setup(nuxtApp: NuxtAppForCharto): { provide: { charto: UiManager } } {
    return { provide: { charto: init(nuxtApp.$config.public.charto) } }
  }
})
