// @vitest-environment node
import { expect, it } from 'vitest'
import { trapBrowserGlobals } from '../../test/unit/browser-globals-trap.js'
import { createElement as h } from 'react'
import { renderToString } from 'react-dom/server'
import { ChartoProvider, Consent, useConsent, useIsGranted, useConsentManager } from './index.js'

// Records any read of a browser global during server rendering. React itself reads none of these.
const touched = trapBrowserGlobals()

it('the trap sees browser globals (control)', () => {
  void (globalThis as any).document
  expect(touched).toEqual(['document'])
})

it('renders the undecided state on the server without touching window, document, storage or BroadcastChannel', () => {
  function Status() {
    let state = useConsent()
    let manager = useConsentManager()
    return h('p', null, `decided=${state.decided} ${JSON.stringify(state.categories)} yt=${useIsGranted('youtube')} manager=${manager}`)
  }
  let html = renderToString(
    h(
      ChartoProvider,
      { config: { mode: 'opt-out', services: { youtube: { category: 'functional' } } } },
      h(Status),
      h(Consent, { category: 'marketing', fallback: h('a', { href: '#' }, 'enable marketing') }, h('script', { src: '/pixel.js' })),
      h(Consent, { category: 'necessary' }, 'always')
    )
  )
  expect(touched).toEqual([])
  // Even in opt-out mode the server never renders optional content: it cannot know the visitor's decision.
  expect(html).toContain('decided=false {&quot;necessary&quot;:true,&quot;performance&quot;:false,&quot;marketing&quot;:false,&quot;functional&quot;:false} yt=false manager=null')
  expect(html).toContain('<a href="#">enable marketing</a>')
  expect(html).not.toContain('pixel.js')
  expect(html).toContain('always')
})

it('renders the state the server read from the request (initialState), so a returning visitor sees no flash', async () => {
  let { consentFromHeaders } = await import('../core/request.js')
  let { encodeDecision } = await import('../core/record.js')
  let now = Date.now()
  let cookie = encodeDecision({ id: '0b6c5b0e-8a5e-4e7b-9f2e-2d1c3a4b5c6d', created: now, updated: now, sequence: 1, revision: 0, method: 'custom', gpc: false, granted: ['marketing'], services: {}, region: '', language: '' })
  let config = { services: { youtube: { category: 'functional' } } }
  function Status() {
    let state = useConsent()
    return h('p', null, `decided=${state.decided} gpc=${state.gpc} yt=${useIsGranted('youtube')}`)
  }
  let html = renderToString(
    h(
      ChartoProvider,
      { config, initialState: consentFromHeaders(config, { cookie: 'charto_consent=' + cookie, 'sec-gpc': '1' }) },
      h(Status),
      h(Consent, { category: 'marketing', fallback: 'no pixel' }, h('script', { src: '/pixel.js' }))
    )
  )
  expect(html).toContain('decided=true gpc=true yt=false')
  expect(html).toContain('pixel.js')
})
