// charto/vue: a plugin, composables and a <Consent> component. Built by examples/build.mjs (esbuild) into bundle.js.
// Render functions (h) rather than single-file components, so no SFC compiler is needed.
import { createApp, defineComponent, h, onMounted } from 'vue'
import { consentMode, ui } from 'charto'
import { ChartoPlugin, Consent, useConsent, useConsentManager, useIsGranted } from 'charto/vue'

const config = {
  privacyPolicyUrl: '../script-tag/privacy.html',
  googleConsentMode: true,
  services: {
    youtube: { category: 'functional', label: 'YouTube', provider: 'Google Ireland Limited' }
  }
}

/** Stands in for an analytics plugin: mounted (so it runs) only inside <Consent category="performance">. */
const PageViewCounter = defineComponent(() => {
  onMounted(() => {
    window.vuePageViews = (window.vuePageViews || 0) + 1
  })
  return () => h('p', { class: 'status', id: 'analytics' }, 'Analytics is on: this page view was counted.')
})

const App = defineComponent(() => {
  const consent = useConsent()
  const analytics = useIsGranted('performance')
  const manager = useConsentManager()
  return () => [
    h('main', [
      h('h1', 'Vue'),
      h(
        'p',
        { id: 'state' },
        consent.value.decided
          ? `Decided (${consent.value.method}). Analytics ${analytics.value ? 'on' : 'off'}.`
          : 'You have not chosen yet.'
      ),
      h(Consent, { category: 'performance' }, { default: () => h(PageViewCounter) }),
      h('h2', 'Video'),
      h(
        Consent,
        { service: 'youtube' },
        {
          default: () => h('iframe', { src: '../script-tag/embed.html', width: 480, height: 270, title: 'Product video' }),
          fallback: () =>
            h('div', { class: 'status', id: 'video-fallback' }, [
              h('p', 'This video is hosted by YouTube, which can recognise you.'),
              h('button', { type: 'button', onClick: () => manager.value?.setConsent({ youtube: true }) }, 'Load the video')
            ])
        }
      )
    ]),
    h('footer', [
      h('a', { href: '#', 'data-charto-open': '' }, 'Cookie settings'),
      ' · ',
      h('a', { href: '../' }, 'All examples')
    ])
  ]
})

// The plugin creates the manager from `config` when the app mounts (so createSSRApp renders on a server untouched),
// with the UI extension for the banner and preferences. Or pass a manager: app.use(ChartoPlugin, init(config)).
createApp(App).use(ChartoPlugin, { config, extensions: [consentMode, ui] }).mount('#app')
