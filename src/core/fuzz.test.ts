// Property-based: hostile cookie values and configurations never throw unexpectedly and never read as a grant.
import { afterEach, describe, expect, it } from 'vitest'
import fc from 'fast-check'
import Cookies from 'js-cookie'
import { decodeDecision, encodeDecision } from './record.js'
import { resolveConfig } from './config.js'
import { createConsent } from './consent.js'

afterEach(() => Cookies.remove('charto_consent'))

// Generating 2000 arbitrary values takes seconds on a shared machine, more than vitest's default 5 s.
const GENERATING = 30_000
const anything = fc.anything({ withBigInt: true, withMap: true, withSet: true, withDate: true, withNullPrototype: true })

describe('stored value parser', () => {
  it('never throws and only accepts its own checksummed format', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), anything), (value) => {
        expect(decodeDecision(value)).toBeNull()
      }),
      { numRuns: 2000 }
    )
  }, GENERATING)

  it('rejects any single-character edit of a valid value', () => {
    let valid = encodeDecision({
      id: '0b6c5b0e-8a5e-4e7b-9f2e-2d1c3a4b5c6d', created: 1764000000000, updated: 1764000000000, sequence: 0, revision: 0,
      method: 'reject-all', gpc: false, granted: [], services: { ga4: false }, region: '', language: 'en'
    })
    fc.assert(
      fc.property(fc.nat(valid.length - 1), fc.string({ minLength: 1, maxLength: 1 }), (at, char) => {
        fc.pre(valid[at] !== char)
        expect(decodeDecision(valid.slice(0, at) + char + valid.slice(at + 1))).toBeNull()
      }),
      { numRuns: 2000 }
    )
  })

  it('never grants anything from a random cookie', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (value) => {
        Cookies.set('charto_consent', value)
        let manager = createConsent({ services: { ga4: { category: 'performance' } } })
        let state = manager.getConsent()
        manager.destroy()
        expect(state.decided).toBe(false)
        expect(Object.values(state.services).some(Boolean)).toBe(false)
        expect(state.categories).toEqual({ necessary: true, performance: false, marketing: false, functional: false })
      }),
      { numRuns: 300 }
    )
  })
})

describe('config validator', () => {
  it('either returns a config or throws one Error with problems, for any input', () => {
    let config = fc.oneof(
      anything,
      fc.record(
        {
          categories: fc.dictionary(fc.string(), anything),
          services: fc.dictionary(fc.string(), fc.record({ category: fc.constantFrom('performance', 'x', 'constructor'), cookies: anything })),
          mode: anything,
          revision: anything,
          cookie: anything,
          storage: anything
        },
        { requiredKeys: [] }
      )
    )
    fc.assert(
      fc.property(config, (value) => {
        try {
          let resolved = resolveConfig(value as any)
          expect(resolved.categories.necessary.required).toBe(true)
        } catch (error) {
          expect(error).toBeInstanceOf(Error)
          let problems = (error as any).problems
          expect(problems.length).toBeGreaterThan(0)
          for (let problem of problems) {
            expect(typeof problem.path).toBe('string')
            expect(typeof problem.message).toBe('string')
          }
        }
      }),
      { numRuns: 2000 }
    )
  }, GENERATING)
})
