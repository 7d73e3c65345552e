// Type tests: checked by `tsc --noEmit` in `npm test`, never run. Each `@ts-expect-error` line must fail to compile
// (tsc reports an unused directive otherwise), and every other line must compile.
import { blocker, consentMode, createConsent, init, ui, type ChartoConfig } from '../../src/index.js'

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
