// @vitest-environment node
import { expect, it } from 'vitest'

it('imports and runs in Node (SSR) without touching the DOM', async () => {
  expect(typeof (globalThis as any).document).toBe('undefined')
  let charto = await import('../../src/index.js')
  let manager = charto.createConsent({ services: { ga4: { category: 'performance' } } })
  expect(manager.getConsent()).toMatchObject({ decided: false, categories: { marketing: false }, services: { ga4: false } })
  expect(manager.isGranted('ga4')).toBe(false)
  manager.destroy()
})
