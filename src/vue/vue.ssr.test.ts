// @vitest-environment node
import { expect, it } from 'vitest'
import { trapBrowserGlobals } from '../../test/unit/browser-globals-trap.js'
import { createSSRApp, h } from 'vue'
import { renderToString } from 'vue/server-renderer'
import { ChartoPlugin, Consent, useConsent, useConsentManager, useIsGranted } from './index.js'

// Records any read of a browser global during server rendering. Vue itself looks for `window` once, when it builds
// its renderer (the devtools hook), so the renderer is built here, before the trap is set.
createSSRApp({ render: () => null })
const touched = trapBrowserGlobals()

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
