// The hints of the full validator: for each problem, what to write instead (a "did you mean" for a misspelt key or
// category, an example value). Shown by `npx charto validate` and by the development builds' errors.
import { SCHEMA } from '../schema.js'

/** Every top-level option. */
const OPTIONS = Object.keys(SCHEMA)

const EXAMPLES: Record<string, string> = {
  label: '"Analytics"',
  description: '"Helps us understand how the site is used"',
  provider: '"Google Ireland Limited"',
  purpose: '"Distinguishes visitors"',
  duration: '"2 years"',
  thirdParty: 'true',
  required: 'true',
  gpc: 'true',
  language: '"en"',
  domain: '".example.com"',
  secure: 'true'
}

/** Category names other tools use, mapped to charto's defaults. */
export const SYNONYMS: Record<string, string> = {
  analytics: 'performance',
  statistics: 'performance',
  measurement: 'performance',
  advertising: 'marketing',
  ads: 'marketing',
  targeting: 'marketing',
  preferences: 'functional',
  functionality: 'functional',
  media: 'functional',
  essential: 'necessary',
  required: 'necessary',
  strictly_necessary: 'necessary'
}

/** Levenshtein distance, for "did you mean". */
function distance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, i) => i)
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0]
    row[0] = i
    for (let j = 1; j <= b.length; j++) {
      let current = row[j]
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1].toLowerCase() === b[j - 1].toLowerCase() ? 0 : 1))
      previous = current
    }
  }
  return row[b.length]
}

const closest = (word: string, candidates: string[]) => {
  let best = candidates.map((c) => [c, distance(word, c)] as const).sort((x, y) => x[1] - y[1])[0]
  return best && best[1] <= Math.max(2, Math.floor(word.length / 3)) ? best[0] : undefined
}

/**
 * A hint for each kind of problem the validator reports. Keyed on the path and loose fragments of the message, so a
 * rewording in the validator leaves a sensible hint.
 */
export function hintFor(path: string, message: string, config: Record<string, any>): string {
  let segments = path.split('.')
  let last = segments[segments.length - 1].replace(/\[\d+\]$/, '')
  if (/is not an option/.test(message)) {
    let listed = /known(?: options)?: (.*)$/.exec(message)
    let known = listed ? listed[1].split(/,\s*/) : segments.length === 1 ? OPTIONS : []
    let guess = closest(last, known)
    return guess
      ? `did you mean "${guess}"?`
      : segments.length === 1
        ? 'remove it; settings of your own do not belong in the charto configuration'
        : 'remove it, or check where it belongs in the configuration reference'
  }
  if (/id must start with a letter/.test(message)) {
    let suggestion = last.replace(/^[^A-Za-z]+/, '').replace(/[^\w-]+/g, '-')
    return suggestion ? `rename it, for example to "${suggestion}"` : 'rename it with letters, digits, "_" or "-", starting with a letter'
  }
  if (/already a category id/.test(message)) return `rename the service, for example to "${last}-service"`
  if (/^services\.[^.]+\.category$/.test(path)) {
    let categories = Object.keys({ necessary: 1, performance: 1, marketing: 1, functional: 1, ...(config.categories || {}) })
    let given = config.services?.[segments[1]]?.category
    let guess = typeof given === 'string' ? closest(given, categories) || SYNONYMS[given.toLowerCase()] : undefined
    return guess
      ? `did you mean "${guess}"?`
      : `use one of ${categories.map((c) => `"${c}"`).join(', ')}, or add the category under "categories"`
  }
  if (/not a valid pattern/.test(message)) return 'in JSON every backslash is doubled: "/^_hjSession_\\\\d+$/"'
  if (/needs a "name"/.test(message) || /must be a name/.test(message)) {
    return 'write the cookie name, e.g. "_ga", or a pattern between slashes, e.g. "/^_ga_/"'
  }
  if (/must be a URL pattern/.test(message)) {
    return 'e.g. "*.google-analytics.com/*" to recognise the service\'s scripts, or { "src": "https://…/script.js" } to load one'
  }
  if (last === 'src') return 'e.g. "https://www.googletagmanager.com/gtag/js?id=G-XXXX"'
  if (/attribute names/.test(message) || last === 'attrs') return 'e.g. { "async": "", "data-domain": "example.com" }'
  if (/must be an array/.test(message)) return 'wrap the value in [ ]'
  if (/always required/.test(message)) return 'delete "required": false from the necessary category'
  if (/never evaluated/.test(message)) return 'hooks can only be given in JavaScript, not in a JSON file'
  if (/must be one of/.test(message)) return 'use exactly one of the listed values (they are case-sensitive)'
  if (path === 'revision') return 'e.g. "revision": 1; raise it to ask every visitor again'
  if (path === 'consentLifetimeDays') return 'e.g. 180 (six months, as the CNIL recommends)'
  if (path === 'cookie.name') return 'e.g. "charto_consent"'
  if (path === 'cookie.path') return 'e.g. "/"'
  if (path === 'region') return 'e.g. "DE" or "US-CA"; a function is possible in JavaScript configuration only'
  let typed = /must be an? (string|boolean|number|function)/.exec(message)
  if (typed) return `e.g. "${last}": ${EXAMPLES[last] || (typed[1] === 'string' ? '"…"' : typed[1] === 'boolean' ? 'true' : '…')}`
  if (/must be an object/.test(message)) return 'write it as { … }; see the configuration reference (docs/configuration.md)'
  return 'see the configuration reference (docs/configuration.md)'
}
