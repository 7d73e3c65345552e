// Type tests: checked by `tsc --noEmit` in `npm test`, never run. Each `@ts-expect-error` line must fail to compile
// (tsc reports an unused directive otherwise), and every other line must compile.
import { blocker, consentMode, createConsent, init, ui, type ChartoConfig, type Extension, type Mode } from '../../src/index.js'
import chartoNuxtModule, { type NuxtForCharto } from '../../src/nuxt/module.js'

// A misspelt option.
// @ts-expect-error 'servces' does not exist in type 'ChartoConfig'
createConsent({ servces: {} })

// A misspelt option inside a module's options.
// @ts-expect-error 'layuot' does not exist in type 'UiOptions'
createConsent({ ui: { layuot: 'bar' } })

// A misspelt option value.
// @ts-expect-error '"drak"' is not assignable to '"light" | "dark" | "auto"'
createConsent({ ui: { theme: 'drak' } })

// @ts-expect-error '"optin"' is not assignable to 'Mode'
createConsent({ mode: 'optin' })

// @ts-expect-error a vendor adapter that does not exist
createConsent({ vendors: ['uet', 'pixel'] })

// @ts-expect-error a Consent Mode option that does not exist
createConsent({ googleConsentMode: { waitForUpdates: 500 } })

let manager = createConsent({ services: { ga4: { category: 'performance' } } })

// A misspelt event name.
// @ts-expect-error 'chnage' is not assignable to 'keyof ChartoEvents'
manager.on('chnage', () => {})

// Each event's detail is typed.
manager.on('change', ({ granted, revoked, consent }) => [granted.length, revoked.length, consent.decided])
// @ts-expect-error `ready` gets the state, which has no `granted` list
manager.on('ready', (state) => state.granted)

// With the dialog among the extensions, the manager has the dialog's methods; without it, it has not.
createConsent({}, [blocker, consentMode, ui]).showPreferences()
// @ts-expect-error no dialog, no showPreferences()
createConsent({}, [blocker, consentMode]).showPreferences()
// @ts-expect-error no extensions, no show()
createConsent({}).show()

// `init` has everything.
init({ ui: { layout: 'bar' } }).show()

// A configuration typed on its own is checked where it is written.
// @ts-expect-error 'autoblock' does not exist in type 'ChartoConfig' (it is autoBlock)
const config: ChartoConfig = { autoblock: true }
void config

// Extensions emit and switch the mode through their context; the public manager offers neither.
// @ts-expect-error 'emit' does not exist on the manager (it is on the extension context)
manager.emit('change', {})
// @ts-expect-error 'setMode' does not exist on the manager (it is on the extension context)
manager.setMode('opt-out')
// @ts-expect-error 'setRegion' does not exist on the manager (it is on the extension context)
manager.setRegion('DE')
// Mode, region and language are read from the manager; the language has a public setter.
const state: [Mode, string | null, string | null] = [manager.mode, manager.region, manager.language]
void state
manager.setLanguage('de')
// @ts-expect-error the configuration is frozen: read-only in its type too
manager.config.mode = 'opt-out'

// An extension gets a context with emit and the setters, and events are typed there too.
const extension: Extension = ({ manager, config, emit, setMode, setRegion }) => {
  emit('error', new Error(config.cookie.name))
  // @ts-expect-error 'chnage' is not an event
  emit('chnage', {})
  setRegion('DE')
  setMode('opt-out')
  return manager.on('mode', (mode) => void mode)
}
createConsent({}, [extension, ui]).showPreferences()

// charto/nuxt: the module's options are a charto configuration, misspellings included.
declare const nuxtForCharto: NuxtForCharto
// @ts-expect-error 'privacyPolicyUlr' does not exist in type 'ChartoConfig'
chartoNuxtModule({ privacyPolicyUlr: '/privacy' }, nuxtForCharto)
// @ts-expect-error 'servces' does not exist in type 'ChartoConfig'
nuxtForCharto.options.charto = { servces: {} }
chartoNuxtModule({ privacyPolicyUrl: '/privacy', services: { ga4: { category: 'performance' } } }, nuxtForCharto)
