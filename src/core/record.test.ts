import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { decodeDecision, encodeDecision, newer, uuid, LAST_SEQUENCE, type StoredDecision } from './record.js'

const decision: StoredDecision = {
  id: '0b6c5b0e-8a5e-4e7b-9f2e-2d1c3a4b5c6d',
  created: 1764000000000,
  updated: 1764000900000,
  sequence: 7,
  revision: 3,
  method: 'custom',
  gpc: true,
  granted: ['performance', 'functional'],
  services: { ga4: false, youtube: true },
  region: 'US-CA',
  language: 'en'
}

describe('stored record', () => {
  it('round-trips and stays compact and cookie-safe', () => {
    let value = encodeDecision(decision)
    expect(decodeDecision(value)).toEqual(decision)
    expect(value).toMatch(/^[\w|+:.-]+$/)
    // Id, two timestamps, revision, choices, method, GPC, region and language (no personal data) in under 130 bytes.
    expect(value.length).toBeLessThan(130)
  })

  it('treats edited, truncated or foreign values as no decision', () => {
    let value = encodeDecision(decision)
    expect(decodeDecision(value.replace('performance', 'marketing'))).toBeNull()
    expect(decodeDecision(value.slice(0, -1))).toBeNull()
    expect(decodeDecision(value.replace(/^2/, '3'))).toBeNull()
    expect(decodeDecision('{"necessary":true,"marketing":true}')).toBeNull()
    expect(decodeDecision('')).toBeNull()
    expect(decodeDecision(undefined)).toBeNull()
    expect(decodeDecision(42)).toBeNull()
  })

  it('makes RFC 4122 version 4 ids, also without crypto', () => {
    let ids = new Set(Array.from({ length: 200 }, uuid))
    expect(ids.size).toBe(200)
    for (let id of ids) expect(id).toMatch(/^[\da-f]{8}-[\da-f]{4}-4[\da-f]{3}-[89ab][\da-f]{3}-[\da-f]{12}$/)
    let crypto = globalThis.crypto
    Object.defineProperty(globalThis, 'crypto', { value: undefined, configurable: true })
    try {
      expect(uuid()).toMatch(/^[\da-f]{8}-[\da-f]{4}-4/)
    } finally {
      Object.defineProperty(globalThis, 'crypto', { value: crypto, configurable: true })
    }
  })

  it('reads back a version 1 value, written before the sequence existed, as sequence 0', () => {
    // Written by the version 1 encoder for the decision above.
    let old = '1|0b6c5b0e-8a5e-4e7b-9f2e-2d1c3a4b5c6d|midc1z40|midcl9k0|3|2|1|performance+functional|ga4:0+youtube:1|US-CA|en|u97d64'
    expect(decodeDecision(old)).toEqual({ ...decision, sequence: 0 })
    // A version 2 value without its sequence, or a version 1 value with one, is neither.
    let value = encodeDecision(decision)
    expect(decodeDecision(value.replace(/^2/, '1'))).toBeNull()
  })

  it('writes back every value it reads: a revision past the safe integers reads as no decision, the last sequence round-trips', () => {
    expect(decodeDecision(encodeDecision({ ...decision, sequence: LAST_SEQUENCE }))).toMatchObject({ sequence: LAST_SEQUENCE })
    expect(decodeDecision(encodeDecision({ ...decision, revision: 2 ** 53 - 1 }))).toMatchObject({ revision: 2 ** 53 - 1 })
    expect(decodeDecision(encodeDecision({ ...decision, revision: 2 ** 53 }))).toBeNull()
    fc.assert(
      fc.property(fc.maxSafeNat(), fc.integer({ min: 0, max: LAST_SEQUENCE }), (revision, sequence) => {
        let value = encodeDecision({ ...decision, revision, sequence })
        expect(encodeDecision(decodeDecision(value)!)).toBe(value)
      })
    )
  })

  it('orders records by sequence, never by clock; two at once are ordered the same way from either side', () => {
    let later = { ...decision, sequence: 8, updated: decision.updated - 864e5 }
    let aheadOfClock = { ...decision, sequence: 7, updated: decision.updated + 864e5 }
    expect([newer(later, aheadOfClock), newer(aheadOfClock, later)]).toEqual([true, false])
    let one = { ...decision, method: 'accept-all' as const }
    let other = { ...decision, method: 'reject-all' as const }
    expect(newer(one, other)).toBe(!newer(other, one))
    expect([newer(one, one), newer(one, { ...one }), newer(null, one), newer(one, null)]).toEqual([false, false, false, true])
    // Only between equal sequences does the later time count (version 1 values, which all read as 0).
    expect(newer({ ...decision, updated: decision.updated + 1 }, decision)).toBe(true)
  })
})
