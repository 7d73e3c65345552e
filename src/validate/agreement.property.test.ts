// The compact check (core/check.ts, in every build visitors download) and the full validator (here, in the CLI and
// the development builds) must accept and reject the same configurations, and the compact check must name the path
// the full validator lists first. Random and hostile configurations, built from the rules themselves so that they
// get deep enough to reach every rule.
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { firstProblem, knownIds } from '../core/check.js'
import type { Rule } from '../core/schema.js'
import { SCHEMA } from '../schema.js'
import { validateConfig } from './index.js'

const agree = (config: unknown) => {
  let problems = validateConfig(config)
  let first = firstProblem(config, SCHEMA, knownIds(config))
  expect(first).toBe(problems[0]?.path)
  return problems.length == 0
}

/** Keys no configuration should be able to use against the walk: prototype names, unicode, look-alikes. */
const hostileKey = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', '*', '|', '#', '[]', '', ' ', 'necessary', 'EU', 'default'),
  fc.string({ unit: 'grapheme', maxLength: 6 }),
  fc.stringMatching(/^[A-Za-z][\w-]{0,6}$/)
)

/** Values of every type, including the ones JSON cannot hold. */
const anyValue = fc.anything({
  maxDepth: 3,
  withBigInt: true,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withNullPrototype: true,
  withObjectString: true,
  withSparseArray: true,
  withTypedArray: true,
  withUnicodeString: true
})

/** Values that pass some leaf types, so that the random configurations are often valid, or wrong in one place only. */
const plausible = fc.oneof(
  fc.constantFrom('performance', 'marketing', 'functional', 'necessary', 'ga4', 'DE', 'US-CA', 'eu', '/', '/^_ga/', '/[/', '_ga', 'a b', '*.x.test/*', 'uet'),
  fc.constantFrom(true, false, 0, 1, 180, 3650, 3651, -1, 1.5, 2 ** 53, Number.NaN, null),
  fc.constant(() => {}),
  fc.constantFrom(['DE', 'US-CA'], ['de'], ['uet', 'meta'], ['uet', 'nope'], [], {}, { async: '' }, { async: 1 })
)

/** The object as a configuration file would give it, where JSON can hold it (no BigInt, no cycles). */
const asParsedJson = (object: object) => {
  try {
    return JSON.parse(JSON.stringify(object) ?? '{}')
  } catch {
    return object
  }
}

/** An object whose keys come from the rule (and sometimes from nowhere), each value from its own rule. */
function fromRule(rule: Rule, depth: number): fc.Arbitrary<unknown> {
  if (depth > 6 || typeof rule == 'string' || Array.isArray(rule)) {
    let leaf = typeof rule == 'string' && ['cookies', 'scripts', 'names'].includes(rule)
      ? fc.array(fc.oneof(plausible, fc.record({ name: plausible, src: plausible, provider: plausible, attrs: plausible }, { requiredKeys: [] })), { maxLength: 4 })
      : plausible
    return fc.oneof({ weight: 12, arbitrary: Array.isArray(rule) ? fc.constantFrom(...(rule as unknown[])) : leaf }, { weight: 1, arbitrary: anyValue })
  }
  let shape = rule as Record<string, Rule>
  if (shape['[]']) return fc.oneof(fc.array(fc.oneof(fc.constantFrom(...(shape['[]'] as unknown[])), plausible), { maxLength: 4 }), anyValue)
  let keys = Object.keys(shape).filter((key) => !['|', '#', '[]'].includes(key))
  let value = (key: string) => (key == '*' ? fromRule(shape['*'], depth + 1) : fromRule(shape[key], depth + 1))
  let entries = shape['*']
    ? fc.array(fc.tuple(fc.oneof(fc.constantFrom('necessary', 'performance', 'marketing', 'ga4', 'EU', 'DE', 'us-ca'), hostileKey), value('*')), { maxLength: 4 })
    : fc.array(fc.oneof({ weight: 12, arbitrary: fc.constantFrom(...keys).chain((key) => fc.tuple(fc.constant(key), value(key))) }, { weight: 1, arbitrary: fc.tuple(hostileKey, anyValue) }), {
        maxLength: 5
      })
  return fc.oneof(
    { weight: 16, arbitrary: entries.map((pairs) => Object.fromEntries(pairs)) },
    // JSON.parse makes "__proto__" an own key, as a configuration file would.
    { weight: 1, arbitrary: entries.map((pairs) => asParsedJson(Object.fromEntries(pairs))) },
    { weight: 1, arbitrary: anyValue }
  )
}

describe('the compact check and the full validator agree', () => {
  it('on configurations built from the rules', () => {
    let accepted = 0
    fc.assert(fc.property(fromRule(SCHEMA, 0), (config) => void (agree(config) && accepted++)), { numRuns: 1000 })
    // The generator must reach valid configurations too, or the test would only ever compare two rejections.
    expect(accepted).toBeGreaterThan(10)
  }, 60_000)

  it('on any value at all', () => {
    fc.assert(fc.property(anyValue, (config) => void agree(config)), { numRuns: 500 })
  })

  it('on prototype keys, deep nesting, huge arrays and unicode', () => {
    let deep: any = {}
    for (let level = 0, at = deep; level < 2000; level++) at = at.ui = {}
    let cases = [
      JSON.parse('{"__proto__": {"mode": "opt-out"}}'),
      JSON.parse('{"categories": {"__proto__": {"required": false}}}'),
      JSON.parse('{"services": {"constructor": {"category": "performance"}, "__proto__": {}}}'),
      JSON.parse('{"googleConsentMode": {"mapping": {"__proto__": "performance"}}}'),
      { services: { toString: { category: 'toString' } } },
      { categories: { necessary: { required: false } }, services: { necessary: {} } },
      deep,
      { categories: { performance: { cookies: Array.from({ length: 100000 }, (_, index) => (index == 99999 ? 'a b' : '_c' + index)) } } },
      { vendors: Array(100000).fill('uet') },
      { categories: { 'ünï': {}, '𝒳': {} }, language: '\u202e\u0000', regions: { 'ÜS': { mode: 'opt-in' } } },
      { mode: 'opt-in', $schema: './node_modules/charto/schema.json', unknown: { deeper: [1, 2, 3] } }
    ]
    for (let config of cases) agree(config)
    expect(firstProblem(cases[7], SCHEMA, knownIds(cases[7]))).toBe('categories.performance.cookies[99999]')
  })
})
