// One configuration for the server (which reads the request with it) and the browser. Plain data only: it is passed
// from the server layout to the client provider.
export const chartoConfig = {
  privacyPolicyUrl: '/privacy',
  googleConsentMode: true,
  services: {
    analytics: { category: 'performance', label: 'Example analytics', cookies: ['example_analytics'] }
  }
}
