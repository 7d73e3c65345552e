import type { Extension } from '../core/consent.js'
import { has } from '../core/has.js'
import { consentModeState, mappingOf, onDecision, type ConsentModeValue } from './consent-mode.js'

type Values = Record<string, ConsentModeValue>
const w = () => window as any

/** An adapter: told the Consent Mode values at setup (`first`) and on every decision, like `consentMode`. */
const adapter =
  (tell: (values: Values, first?: boolean) => void): Extension =>
  ({ manager, config }) => {
    if (typeof window == 'undefined') return
    let mapping = mappingOf(config)
    tell(consentModeState(manager.getConsent(), mapping), true)
    return onDecision(manager, (state) => tell(consentModeState(state, mapping)))
  }

/** Microsoft UET: `uetq.push('consent', 'default' | 'update', { ad_storage })`. */
export const uet: Extension = /* @__PURE__ */ adapter((values, first) =>
  (w().uetq = w().uetq || []).push('consent', first ? 'default' : 'update', { ad_storage: values.ad_storage })
)

/** Microsoft Clarity: `clarity('consentv2', { ad_Storage, analytics_Storage })`, queued until Clarity loads. */
export const clarity: Extension = /* @__PURE__ */ adapter((values) => {
  let win = w()
  win.clarity =
    win.clarity ||
    function () {
      ;(win.clarity.q = win.clarity.q || []).push(arguments)
    }
  win.clarity('consentv2', { ad_Storage: values.ad_storage, analytics_Storage: values.analytics_storage })
})

/**
 * Meta Pixel: `fbq('consent', 'revoke')` on every page before the pixel's `init`, `'grant'` with marketing (`ad_storage`).
 * Defines the fbq queue when missing; the page then loads fbevents.js itself (see docs/signals.md, "Other vendors").
 */
export const meta: Extension = /* @__PURE__ */ adapter((values, first) => {
  let win = w()
  let fbq = win.fbq
  if (!fbq) {
    fbq = win.fbq = function () {
      fbq.callMethod ? fbq.callMethod.apply(fbq, arguments) : fbq.queue.push(arguments)
    }
    fbq.push = fbq
    fbq.loaded = true
    fbq.version = '2.0'
    fbq.queue = []
    win._fbq = win._fbq || fbq
  }
  let grant = values.ad_storage == 'granted'
  if (first) fbq('consent', 'revoke')
  if (!first || grant) fbq('consent', grant ? 'grant' : 'revoke')
})

const ADAPTERS: Record<string, Extension> = { uet, clarity, meta }

/** Runs the adapters named in `config.vendors` (`['uet', 'clarity', 'meta']`). Unknown names are ignored. */
export const vendors: Extension = (context) => {
  let names = context.config.vendors
  let teardowns = (Array.isArray(names) ? names : []).map((name) => has(ADAPTERS, name) && ADAPTERS[name](context))
  return () => teardowns.map((teardown) => teardown && teardown())
}
