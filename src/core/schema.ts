/**
 * The configuration's shape, in one table that drives both the runtime validator (config.ts)
 * and the published JSON Schema (schema.json, generated from it by schema-json.ts).
 *
 * A rule is a type name, a list of allowed values, an object of known keys, or `{ '*': rule }` for a map of ids.
 */
export type Rule = string | readonly unknown[] | { readonly [key: string]: Rule }

const texts = { label: 'string', description: 'string', provider: 'string', cookies: 'cookies', storage: 'names' }

export const SCHEMA = {
  categories: { '*': { ...texts, required: 'boolean' } },
  services: {
    '*': { ...texts, category: 'category', scripts: 'scripts', onAccept: 'function', onReject: 'function' }
  },
  mode: ['opt-in', 'opt-out'],
  revision: 'count',
  consentLifetimeDays: 'days',
  cookie: { name: 'cookieName', domain: 'string', path: 'path', sameSite: ['Lax', 'Strict', 'None'], secure: 'boolean' },
  storage: ['cookie', 'localStorage'],
  gpc: 'boolean',
  language: 'string',
  region: 'region',
  regions: { '*': { mode: ['opt-in', 'opt-out'] } },
  googleConsentMode: 'consentMode',
  vendors: 'vendors',
  autoBlock: 'boolean',
  reloadOnRevoke: 'boolean',
  ui: { layout: ['bar', 'box', 'modal'], position: 'string', theme: ['light', 'dark', 'auto'], reopenButton: 'boolean', nonce: 'string' },
  translations: 'object',
  privacyPolicyUrl: 'string',
  records: { endpoint: 'url', headers: 'attrs' },
  onRecord: 'function',
  $schema: 'string'
} as const
