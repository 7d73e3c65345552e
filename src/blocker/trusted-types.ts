import { attempt } from '../core/attempt.js'

interface Policy {
  createScript(text: string): unknown
  createScriptURL(url: string): unknown
}

/**
 * Where a page enforces Trusted Types (`require-trusted-types-for 'script'`), the scripts charto revives or loads get
 * their text and `src` through a policy named "charto" (allow it in the `trusted-types` directive). The policy passes
 * only the value charto is handing to the browser at that moment and refuses anything else, so that it never turns
 * another string into trusted script. There is one per page, asked for once: a second `createPolicy` with the same name
 * throws, and a page that does not allow the name would report a violation on every attempt.
 */
let policy: Policy | null | undefined
let passing: string | undefined
let onlyWhatChartoPasses = (value: string) => {
  if (value === passing) return value
  throw new TypeError('charto: not a script charto loads')
}

/** A script's text (or, with `url`, its URL) as the page's Trusted Types require; the value itself where they don't. */
export let trust = (value: string, url?: boolean): any => {
  if (policy === undefined) {
    policy = attempt(() => (self as any).trustedTypes?.createPolicy('charto', { createScript: onlyWhatChartoPasses, createScriptURL: onlyWhatChartoPasses })) || null
  }
  if (!policy) return value
  passing = value
  try {
    return url ? policy.createScriptURL(value) : policy.createScript(value)
  } finally {
    passing = undefined
  }
}
