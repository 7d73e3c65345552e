// @vitest-environment node
import { expect, it } from 'vitest'

it('imports and runs in Node (SSR): no window, no dataLayer, no queue, no throw', async () => {
  expect(typeof (globalThis as any).window).toBe('undefined')
  let { createConsent } = await import('../core/consent.js')
  let signals = await import('./index.js')
  let manager = createConsent(
    {
      googleConsentMode: true,
      vendors: ['uet', 'clarity', 'meta'],
      regions: { 'US-CA': { mode: 'opt-out' } },
      region: 'US-CA',
      records: { endpoint: 'https://records.example/' }
    },
    [signals.regions, signals.consentMode, signals.vendors, signals.records]
  )
  expect(manager.mode).toBe('opt-out')
  manager.acceptAll()
  expect((globalThis as any).dataLayer).toBeUndefined()
  manager.destroy()
})
