// One configuration for the server render and the browser.
export const chartoConfig = {
  privacyPolicyUrl: '/privacy',
  googleConsentMode: true,
  services: {
    analytics: { category: 'performance', label: 'Example analytics', cookies: ['example_analytics'] }
  }
}
