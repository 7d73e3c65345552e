// The charto configuration of the speed bench's page (bench/speed.mjs), shared by the benches that load that page:
// four categories and two services, the job vanilla-cookieconsent does in the same bench.
export const CHARTO_CONFIG = {
  privacyPolicyUrl: '/privacy',
  categories: {
    necessary: { label: 'Strictly necessary', description: 'Needed for the site to work.' },
    performance: { label: 'Analytics', description: 'Help us improve the site.' },
    marketing: { label: 'Marketing', description: 'Relevant ads on other sites.' },
    functional: { label: 'Embedded content', description: 'Videos from other sites.' }
  },
  services: {
    ga4: { category: 'performance', label: 'Google Analytics' },
    youtube: { category: 'functional', label: 'YouTube' }
  }
}
