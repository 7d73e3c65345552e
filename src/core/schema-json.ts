// Turns the validator's table (schema.ts) into the published JSON Schema, so the two cannot drift.
// Not imported by the runtime: only by the test that writes and checks schema.json.
import { SCHEMA, type Rule } from './schema.js'
import { REGION_CODE, CONSENT_MODE_KEYS } from './config.js'
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
  vendors: { type: 'array', items: { enum: ['uet', 'clarity', 'meta'] } },
  consentMode: {
    oneOf: [
      { type: 'boolean' },
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          mapping: { type: 'object', additionalProperties: false, properties: Object.fromEntries(CONSENT_MODE_KEYS.map((key) => [key, { type: 'string' }])) },
          waitForUpdate: { type: 'number', minimum: 0 },
          region: { type: 'array', items: { type: 'string', pattern: REGION_CODE.source } },
          adsDataRedaction: { type: 'boolean' },
          urlPassthrough: { type: 'boolean' }
        }
      }
    ]
  },
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

function convert(rule: Rule, key = ''): object {
  let description = DESCRIPTIONS[key === 'storage' && typeof rule === 'string' ? 'storage_names' : key]
  let extra = description ? { description } : {}
  if (typeof rule === 'string') return { ...LEAVES[rule], ...extra }
  if (Array.isArray(rule)) return { enum: rule, ...extra }
  let shape = rule as Record<string, Rule>
  if ('*' in shape) {
    return {
      type: 'object',
      propertyNames: { pattern: ID.source },
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
  root.properties.regions.propertyNames = { pattern: '^(EU|default|' + REGION_CODE.source.slice(1, -1) + ')$' }
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://unpkg.com/charto/schema.json',
    title: 'charto configuration',
    ...root
  }
}
