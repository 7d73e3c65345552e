// charto/react in a Vite app, without JSX so it needs no plugin. React comes once, from the app: charto declares it a
// peer dependency, which an installed tarball resolves to the app's own copy.
import { createElement as h } from 'react'
import { createRoot } from 'react-dom/client'
import { ui, blocker } from 'charto'
import { ChartoProvider, Consent, useConsent } from 'charto/react'

const config = { privacyPolicyUrl: '/privacy', services: { stats: { category: 'performance', label: 'Site statistics' } } }

function Status() {
  const consent = useConsent()
  return h('p', { id: 'state' }, consent.decided ? `Decided (${consent.method}).` : 'You have not chosen yet.')
}

function App() {
  return h(
    'main',
    null,
    h('h1', null, 'Vite + React'),
    h(Status),
    h(Consent, { category: 'performance', fallback: h('p', { id: 'stats-off' }, 'Statistics wait for your consent.') }, h('p', { id: 'stats-on' }, 'Statistics are on.'))
  )
}

createRoot(document.getElementById('root')).render(h(ChartoProvider, { config, extensions: [blocker, ui] }, h(App)))
