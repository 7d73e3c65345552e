// @vitest-environment node
import { afterEach, beforeEach, expect, it } from 'vitest'
import { createElement as h } from 'react'
import { renderToString } from 'react-dom/server'
import { ChartoProvider, Consent, useConsent, useIsGranted, useConsentManager } from './index.js'

// Records any read of a browser global during server rendering. React itself reads none of these.
const GLOBALS = ['window', 'document', 'localStorage', 'sessionStorage', 'BroadcastChannel', 'dispatchEvent', 'addEventListener']
let touched: string[] = []
let saved: Record<string, PropertyDescriptor | undefined> = {}
beforeEach(() => {
  touched = []
  for (let name of GLOBALS) {
    saved[name] = Object.getOwnPropertyDescriptor(globalThis, name)
    Object.defineProperty(globalThis, name, {
      configurable: true,
      get: () => (touched.push(name), undefined)
    })
  }
})
afterEach(() => {
  for (let name of GLOBALS) {
    if (saved[name]) Object.defineProperty(globalThis, name, saved[name]!)
    else delete (globalThis as any)[name]
  }
})

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
