// The gallery: one page that shows the dialog in any layout × theme × language × state, switched through
// `window.gallery.show(view)` (the Chromium test) or the form (a person). Each view starts from nothing: the previous
// manager is destroyed, the consent cookie removed, the embed put back.
import { createConsent, blocker, ui } from 'charto'
import de from '/dist/i18n/de.js'
import ar from '/dist/i18n/ar.js'

const CONFIG = {
  privacyPolicyUrl: '/privacy',
  cookie: { name: 'charto_gallery' },
  translations: { de, ar },
  categories: {
    necessary: { cookies: [{ name: 'charto_gallery', provider: 'This site', purpose: 'Remembers your cookie choices', duration: '6 months' }] },
    performance: { cookies: [{ name: '_ga', provider: 'Google', purpose: 'Tells visits apart to count them', duration: '2 years', thirdParty: true }] }
  },
  services: {
    ga4: { category: 'performance', label: 'Google Analytics', description: 'Visit statistics.' },
    youtube: { category: 'marketing', label: 'YouTube', description: 'Embedded videos.' }
  }
}

let manager
let form = document.getElementById('controls')

/** Shows one view and resolves once it is drawn. */
async function show({ layout = 'box', theme = 'light', language = 'en', state = 'banner' } = {}) {
  manager?.destroy()
  // the form shows the view, whichever way it was asked for
  for (let [name, value] of Object.entries({ layout, theme, language, state })) if (form.elements[name]) form.elements[name].value = value
  document.cookie = 'charto_gallery=; max-age=0; path=/'
  Object.defineProperty(navigator, 'globalPrivacyControl', { value: state == 'gpc', configurable: true })
  document.documentElement.lang = language
  document.documentElement.dir = language == 'ar' ? 'rtl' : 'ltr'
  document.getElementById('embed').innerHTML =
    '<iframe data-src="/examples/gallery/" data-service="youtube" title="A video" width="560" height="200" style="max-width:100%"></iframe>'
  let optOut = state == 'opt-out' || state == 'gpc'
  manager = createConsent(
    { ...CONFIG, language, mode: optOut ? 'opt-out' : 'opt-in', ui: { layout, theme, reopenButton: state == 'placeholder' } },
    [blocker, ui]
  )
  if (state == 'placeholder') manager.rejectAll()
  if (state == 'preferences' || state == 'gpc') {
    manager.showPreferences()
    let root = document.querySelector('charto-ui').shadowRoot
    root.querySelectorAll('details').forEach((details) => (details.open = true))
  }
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))
}

let fromForm = () => show(Object.fromEntries(new FormData(form)))
form.addEventListener('change', fromForm)
let query = Object.fromEntries(new URLSearchParams(location.search))
window.gallery = { show, ready: show(query), get manager() { return manager } }
