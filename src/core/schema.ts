/**
 * The core's options as rules, and the rule language every module uses for its own. A module declares its rules
 * beside its options type (gating: src/blocker/options.ts, signals: src/signals/options.ts, dialog:
 * src/ui/options.ts); src/schema.ts puts them together. The same table drives the runtime check (check.ts), the full
 * validator (src/validate/) and the published JSON Schema (schema.json, from schema-json.ts).
 *
 * A rule is
 * - a type name (a key of TYPES in check.ts): `'string'`, `'days'`, `'category'` …
 * - a list of allowed values: `['opt-in', 'opt-out']`
 * - an object of known keys: `{ name: 'cookieName', path: 'path' }`, where three keys are not options:
 *   `'*'` makes it a map whose every value follows that rule (`{ '*': rule }`, keys are ids unless `'#'` names a
 *   type for them), `'|'` names a type the value may have instead of being an object (`true` instead of options),
 *   `'[]'` makes it a list whose every item is one of the listed values.
 */
export type Rule = string | readonly unknown[] | { readonly [key: string]: Rule }
export type Rules = { readonly [option: string]: Rule }

const texts = { label: 'string', description: 'string', provider: 'string', cookies: 'cookies', storage: 'names' }
const modes = ['opt-in', 'opt-out']

/** The consent core's own options. */
export const coreRules = {
  categories: { '*': { ...texts, required: 'boolean' } },
  services: {
    '*': { ...texts, category: 'category', scripts: 'scripts', onAccept: 'function', onReject: 'function' }
  },
  mode: modes,
  revision: 'count',
  consentLifetimeDays: 'days',
  cookie: { name: 'cookieName', domain: 'string', path: 'path', sameSite: ['Lax', 'Strict', 'None'], secure: 'boolean' },
  storage: ['cookie', 'localStorage'],
  gpc: 'boolean',
  language: 'string'
} as const satisfies Rules

/** A key every configuration file may carry: the editor's pointer to schema.json. */
export const fileRules = { $schema: 'string' } as const satisfies Rules
