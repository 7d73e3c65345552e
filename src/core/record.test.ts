import { describe, expect, it } from 'vitest'
import { decodeDecision, encodeDecision, uuid, type StoredDecision } from './record.js'

const decision: StoredDecision = {
  id: '0b6c5b0e-8a5e-4e7b-9f2e-2d1c3a4b5c6d',
  created: 1764000000000,
  updated: 1764000900000,
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
    // REC-1: id, two timestamps, revision, choices, method, GPC, region, language in under 130 bytes.
    expect(value.length).toBeLessThan(130)
  })

  it('treats edited, truncated or foreign values as no decision', () => {
    let value = encodeDecision(decision)
    expect(decodeDecision(value.replace('performance', 'marketing'))).toBeNull()
    expect(decodeDecision(value.slice(0, -1))).toBeNull()
    expect(decodeDecision(value.replace(/^1/, '2'))).toBeNull()
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
})
