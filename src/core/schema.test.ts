// @vitest-environment node
import { readFileSync, writeFileSync } from 'node:fs'
import { expect, it } from 'vitest'
import { jsonSchema } from './schema-json.js'
import { SCHEMA } from '../schema.js'
import { resolveConfig } from './config.js'

const FILE = new URL('../../schema.json', import.meta.url)

it('schema.json is generated from the validator’s table (UPDATE_SCHEMA=1 rewrites it)', () => {
  let generated = JSON.stringify(jsonSchema(), null, 2) + '\n'
  if (process.env.UPDATE_SCHEMA) writeFileSync(FILE, generated)
  expect(readFileSync(FILE, 'utf8')).toBe(generated)
})

it('the validator and the schema know the same options', () => {
  let schema = JSON.parse(readFileSync(FILE, 'utf8'))
  expect(Object.keys(schema.properties)).toEqual(Object.keys(SCHEMA))
  for (let key of Object.keys(SCHEMA)) {
    expect(() => resolveConfig({ [key]: Symbol('x') } as any)).toThrow(`  ${key}: must`)
  }
  expect(() => resolveConfig({ unknownOption: 1 } as any)).toThrow(/unknownOption: is not an option/)
  expect(schema.additionalProperties).toBe(false)
})

it('accepts the example configuration shipped for privacy teams', () => {
  let example = JSON.parse(readFileSync(new URL('../../examples/charto.config.json', import.meta.url), 'utf8'))
  expect(() => resolveConfig(example)).not.toThrow()
})
