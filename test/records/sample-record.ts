// One consent record as the SDK sends it, shared by the records service's tests.

/** A valid record as the SDK sends it; `overrides` change fields. */
export function sampleRecord(overrides: Record<string, unknown> = {}) {
  return {
    id: '3b241101-e2bb-4255-8caf-4136c566a962',
    createdAt: '2026-11-24T20:00:00.000Z',
    updatedAt: '2026-11-24T20:05:00.000Z',
    expiresAt: '2027-05-23T20:05:00.000Z',
    revision: 1,
    configHash: 'a'.repeat(64),
    categories: { necessary: true, performance: true, marketing: false },
    services: { ga4: true },
    method: 'custom',
    gpc: false,
    mode: 'opt-in',
    region: 'DE',
    language: 'de',
    url: 'https://www.example.com/shop',
    ...overrides
  }
}
