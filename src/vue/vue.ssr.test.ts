// @vitest-environment node
import { afterEach, beforeEach, expect, it } from 'vitest'
import { createSSRApp, h } from 'vue'
import { renderToString } from 'vue/server-renderer'
import { ChartoPlugin, Consent, useConsent, useConsentManager, useIsGranted } from './index.js'

// Records any read of a browser global during server rendering. Vue itself looks for `window` once, when it builds
// its renderer (the devtools hook), so the renderer is built here, before the trap is set.
createSSRApp({ render: () => null })
const GLOBALS = ['window', 'document', 'localStorage', 'sessionStorage', 'BroadcastChannel', 'dispatchEvent', 'addEventListener']
let touched: string[] = []
let saved: Record<string, PropertyDescriptor | undefined> = {}
beforeEach(() => {
  touched = []
  for (let name of GLOBALS) {
    saved[name] = Object.getOwnPropertyDescriptor(globalThis, name)
    Object.defineProperty(globalThis, name, { configurable: true, get: () => (touched.push(name), undefined) })
  }
})
afterEach(() => {
  for (let name of GLOBALS) {
    if (saved[name]) Object.defineProperty(globalThis, name, saved[name]!)
    else delete (globalThis as any)[name]
  }
})

it('the trap sees browser globals (control)', () => {
  void (globalThis as any).localStorage
  expect(touched).toEqual(['localStorage'])
})

it('renders the undecided state on the server without touching window, document, storage or BroadcastChannel', async () => {
  let app = createSSRApp({
    setup() {
      let state = useConsent()
      let youtube = useIsGranted('youtube')
      let manager = useConsentManager()
      return () => [
        h('p', `decided=${state.value.decided} ${JSON.stringify(state.value.categories)} yt=${youtube.value} manager=${manager.value}`),
        h(Consent, { category: 'marketing' }, { default: () => h('script', { src: '/pixel.js' }), fallback: () => h('a', { href: '#' }, 'enable marketing') }),
        h(Consent, { category: 'necessary' }, { default: () => 'always' })
      ]
    }
  }).use(ChartoPlugin, { config: { mode: 'opt-out', services: { youtube: { category: 'functional' } } } })
  let html = await renderToString(app)
  expect(touched).toEqual([])
  expect(html).toContain('decided=false {&quot;necessary&quot;:true,&quot;performance&quot;:false,&quot;marketing&quot;:false,&quot;functional&quot;:false} yt=false manager=null')
  expect(html).toContain('<a href="#">enable marketing</a>')
  expect(html).not.toContain('pixel.js')
  expect(html).toContain('always')
})
