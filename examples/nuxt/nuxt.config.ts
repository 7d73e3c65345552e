// charto/nuxt starts charto in the browser with this configuration and provides the manager as `$charto`; the page
// reads the same configuration from the public runtime config to render the visitor's decision on the server.
export default defineNuxtConfig({
  modules: ['charto/nuxt'],
  charto: {
    privacyPolicyUrl: '/privacy',
    googleConsentMode: true,
    services: {
      analytics: { category: 'performance', label: 'Example analytics', cookies: ['example_analytics'] }
    }
  },
  app: {
    head: {
      htmlAttrs: { lang: 'en' },
      title: 'charto with Nuxt',
      link: [{ rel: 'icon', href: '/favicon.svg' }]
    }
  },
  devtools: { enabled: false },
  telemetry: false,
  compatibilityDate: '2026-01-01'
})
