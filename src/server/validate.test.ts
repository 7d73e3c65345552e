// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { validateRecord } from './validate.js'
import { sampleRecord } from '../../test/records/sample-record.js'

const record = sampleRecord()

describe('validateRecord: the rules of the SDK’s record', () => {
  it('accepts the record the SDK sends', () => {
    expect(validateRecord(record)).toEqual([])
    expect(validateRecord({ ...record, region: null, language: null, method: 'gpc', mode: 'opt-out' })).toEqual([])
  })

  it('names every problem by its field, personal data included', () => {
    expect(validateRecord({ ...record, ip: '203.0.113.9', userAgent: 'Mozilla/5.0', method: 'maybe' })).toEqual([
      'ip: is not a record field',
      'userAgent: is not a record field',
      'method: must be one of accept-all, reject-all, custom, api, gpc'
    ])
    expect(validateRecord({ ...record, url: 'https://www.example.com/shop?email=a@b.c' })).toEqual([
      'url: must be an http(s) URL without query string or fragment'
    ])
    expect(validateRecord({ ...record, categories: { necessary: false } })).toEqual([
      'categories: must map category ids to true or false, with necessary true'
    ])
    expect(validateRecord({ ...record, createdAt: '2026-11-25T00:00:00.000Z' })).toEqual(['createdAt: must not be after updatedAt'])
    expect(validateRecord({ ...record, updatedAt: '2026-11-31T00:00:00.000Z' })).toEqual(['updatedAt: must be an ISO timestamp in UTC'])
    expect(validateRecord({ ...record, id: record.id.toUpperCase() })).toEqual(['id: must be a UUID v4 in lower case'])
    expect(validateRecord({ ...record, revision: 1.5 })).toEqual(['revision: must be a whole number ≥ 0'])
    expect(validateRecord({ ...record, services: { 'a b': true } })).toEqual(['services: must map service ids to true or false'])
    expect(validateRecord([])).toEqual(['the body must be a JSON object'])
    expect(validateRecord(null)).toEqual(['the body must be a JSON object'])
  })

  it('refuses prototype keys as fields and as choice ids', () => {
    expect(validateRecord(JSON.parse(`{"__proto__":{"polluted":true},${JSON.stringify(record).slice(1)}`))).toEqual(['__proto__: is not a record field'])
    expect(validateRecord({ ...record, categories: JSON.parse('{"necessary":true,"__proto__":true}') })).toHaveLength(1)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })
})
