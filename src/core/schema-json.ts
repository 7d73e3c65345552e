// Turns the validator's table (src/schema.ts) into the published JSON Schema, so the two cannot drift.
// Not imported by the runtime: only by the test that writes and checks schema.json.
import type { Rule } from './schema.js'
import { SCHEMA } from '../schema.js'
import { REGION_CODE } from './check.js'
import { ID } from './has.js'

const DESCRIPTIONS: Record<string, string> = {
  categories: 'Merged with the defaults necessary, performance, marketing, functional. A new key adds a category.',
  services: 'Services by id; each follows its category unless the visitor decides it separately.',
  mode: 'opt-in (default): nothing non-necessary before a choice. opt-out: granted until refused (US).',
  revision: 'Raise it to ask every visitor again.',
  consentLifetimeDays: 'Days a decision (grant or refusal) lasts. Default 180.',
  cookie: 'Where the decision is stored when storage is "cookie".',
  storage: 'Where the decision is stored. Default "cookie".',
  gpc: 'Honour Global Privacy Control. Default true.',
  language: 'UI language code, or "auto" (from <html lang>, then the browser).',
  region: 'The visitor\'s region code (e.g. "US-CA"), or a function returning it (in JSON: a string).',
  regions: 'Policies by region: EU (EU and EEA countries), country codes, subdivisions such as US-CA, and default.',
  googleConsentMode: 'true, or { mapping, waitForUpdate, region, adsDataRedaction, urlPassthrough }.',
  vendors: 'Vendor consent adapters: ["uet", "clarity", "meta"].',
  autoBlock: 'Block scripts and iframes created from JavaScript whose URL matches a service\'s scripts patterns.',
  reloadOnRevoke: 'Reload the page after a withdrawal, once signals and records went out.',
  ui: 'Dialog options: layout, position, theme, reopenButton.',
  translations: 'Texts by language code; overrides the built-in English key by key.',
  privacyPolicyUrl: 'Linked from the banner.',
  records: '{ endpoint, headers }: where each consent record is sent.',
  onRecord: 'Called with each consent record (npm API only).',
  label: 'Shown to visitors.',
  description: 'Shown to visitors.',
  provider: 'Company that sets the cookies.',
  cookies: 'Cookie names or "/regex/" strings, or objects with name, provider, purpose, duration, thirdParty.',
  region_list: 'Region codes this Consent Mode default applies to; every region when absent.',
  storage_names: 'localStorage / sessionStorage keys: names or "/regex/" strings.',
  required: 'Always granted and shown locked (necessary always is).',
  category: 'The category id this service belongs to.',
  scripts: 'A string is a URL glob identifying the service\'s scripts and iframes; an object { src, attrs } is a script charto loads once granted.'
}

const pattern = { type: 'string', minLength: 1, description: 'A name, or a "/regex/flags" string.' }
const cookie = {
  type: 'string',
  pattern: "^(/.+/[dgimsuy]*|[\\w!#$%&'*+.^`|~-]+)$",
  description: 'A cookie name (no spaces, "=", ";" or ","), or a "/regex/flags" string.'
}
const LEAVES: Record<string, object> = {
  string: { type: 'string' },
  boolean: { type: 'boolean' },
  function: { description: 'A function (JavaScript API only; never a string).' },
  count: { type: 'integer', minimum: 0, maximum: Number.MAX_SAFE_INTEGER },
  days: { type: 'number', exclusiveMinimum: 0, maximum: 3650 },
  cookieName: { type: 'string', pattern: "^[\\w!#$%&'*+.^`|~-]+$" },
  path: { type: 'string', pattern: '^/' },
  // Any case: the region lookup upper-cases it.
  region: { type: 'string', pattern: '^[A-Za-z]{2}(-[A-Za-z\\d]{1,3})?$' },
  category: { type: 'string' },
  any: {},
  object: { type: 'object' },
  attrs: { type: 'object', additionalProperties: { type: 'string' } },
  url: { type: 'string', minLength: 1 },
  grantable: { type: 'string' },
  ms: { type: 'number', minimum: 0 },
  regionList: { type: 'array', items: { type: 'string', pattern: REGION_CODE.source } },
  names: { type: 'array', items: pattern },
  cookies: {
    type: 'array',
    items: {
      oneOf: [
        cookie,
        {
          type: 'object',
          required: ['name'],
          additionalProperties: false,
          properties: {
            name: cookie,
            provider: { type: 'string' },
            purpose: { type: 'string' },
            duration: { type: 'string' },
            thirdParty: { type: 'boolean' }
          }
        }
      ]
    }
  },
  scripts: {
    type: 'array',
    items: {
      oneOf: [
        { type: 'string', minLength: 1 },
        {
          type: 'object',
          required: ['src'],
          additionalProperties: false,
          properties: { src: { type: 'string', minLength: 1 }, attrs: { type: 'object', additionalProperties: { type: 'string' } } }
        }
      ]
    }
  }
}

/** Map keys checked by a type instead of the id pattern. */
const KEY_PATTERNS: Record<string, string> = { regionKey: '^(EU|default|' + REGION_CODE.source.slice(1, -1) + ')$' }

function convert(rule: Rule, key = ''): object {
  // Two options share a name with a top-level one: a category's `storage` and Consent Mode's `region`.
  let description = DESCRIPTIONS[key === 'storage' && rule === 'names' ? 'storage_names' : key === 'region' && rule === 'regionList' ? 'region_list' : key]
  let extra = description ? { description } : {}
  if (typeof rule === 'string') return { ...LEAVES[rule], ...extra }
  if (Array.isArray(rule)) return { enum: rule, ...extra }
  let { '|': instead, '[]': listOf, ...shape } = rule as Record<string, Rule>
  if (listOf) return { type: 'array', items: { enum: listOf }, ...extra }
  if (instead) return { oneOf: [LEAVES[instead as string], convert(shape)], ...extra }
  if ('*' in shape) {
    return {
      type: 'object',
      propertyNames: { pattern: shape['#'] ? KEY_PATTERNS[shape['#'] as string] : ID.source },
      additionalProperties: convert(shape['*']),
      ...extra
    }
  }
  let properties: Record<string, object> = {}
  for (let name in shape) properties[name] = convert(shape[name], name)
  if (key === 'services') return { type: 'object', properties, ...extra }
  return { type: 'object', additionalProperties: false, properties, ...extra }
}

export function jsonSchema(): object {
  let root = convert(SCHEMA) as any
  root.properties.services.additionalProperties.required = ['category']
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://unpkg.com/charto/schema.json',
    title: 'charto configuration',
    ...root
  }
}
