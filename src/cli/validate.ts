// `charto validate <file>`: every problem with its path and a hint; warnings for an incomplete declaration.
import { resolveConfig } from '../core/config.js'
import { hintFor, SYNONYMS } from '../validate/hints.js'
import { REGEX_STRING } from '../core/pattern.js'
import type { ChartoConfig, CookieSpec, ResolvedConfig } from '../core/types.js'
import { displayPath, loadConfigFile, type Io } from './io.js'

export { hintFor, SYNONYMS }

export interface Problem {
  path: string
  message: string
  hint: string
}

/**
 * Things that are valid but leave the cookie declaration incomplete (each cookie needs a provider, a purpose and a
 * duration; a necessary one, a justification) or the audit ambiguous.
 */
export function warningsFor(config: ResolvedConfig): { path: string; message: string }[] {
  let warnings: { path: string; message: string }[] = []
  let seen = new Map<string, string>()
  let check = (cookies: (string | CookieSpec)[] | undefined, path: string, required: boolean, serviceProvider?: string) =>
    (cookies || []).forEach((item, i) => {
      let at = `${path}.cookies[${i}]`
      let spec = typeof item === 'string' ? { name: item } : item
      let missing = (['provider', 'purpose', 'duration'] as const).filter((key) => !spec[key] && !(key === 'provider' && serviceProvider))
      if (missing.length) {
        warnings.push({
          path: at,
          message: `"${spec.name}" has no ${missing.join(', ')}: the declaration will show a blank${required && missing.includes('purpose') ? '; necessary cookies need a justification' : ''}`
        })
      }
      if (!REGEX_STRING.test(spec.name)) {
        if (seen.has(spec.name)) warnings.push({ path: at, message: `"${spec.name}" is also declared at ${seen.get(spec.name)}; declare each cookie once` })
        else seen.set(spec.name, at)
      }
    })
  for (let id in config.categories) check(config.categories[id].cookies, `categories.${id}`, !!config.categories[id].required)
  for (let id in config.services) {
    let service = config.services[id]
    check(service.cookies, `services.${id}`, !!config.categories[service.category]?.required, service.provider)
  }
  return warnings
}

export async function validate(file: string, io: Io, options: { strict?: boolean } = {}): Promise<number> {
  let cwd = io.cwd ? io.cwd() : '.'
  let { path, config } = await loadConfigFile(file, cwd)
  let name = displayPath(path, cwd, file)
  let resolved: ResolvedConfig
  try {
    resolved = resolveConfig(config as ChartoConfig)
  } catch (error) {
    let problems: { path: string; message: string }[] | undefined = (error as any).problems
    if (!problems) throw error
    for (let problem of problems) {
      io.stdout.write(`✗ ${problem.path}: ${problem.message}\n    hint: ${hintFor(problem.path, problem.message, (config || {}) as object)}\n`)
    }
    io.stdout.write(`${problems.length} problem${problems.length === 1 ? '' : 's'} in ${name}\n`)
    return 1
  }
  let warnings = warningsFor(resolved)
  for (let warning of warnings) io.stdout.write(`! ${warning.path}: ${warning.message}\n`)
  let count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`
  let cookies = Object.values(resolved.categories).reduce((n, c) => n + (c.cookies?.length || 0), 0) +
    Object.values(resolved.services).reduce((n, s) => n + (s.cookies?.length || 0), 0)
  let summary = `${count(Object.keys(resolved.categories).length, 'category').replace('categorys', 'categories')}, ${count(Object.keys(resolved.services).length, 'service')}, ${count(cookies, 'cookie')} declared`
  if (warnings.length && options.strict) {
    io.stdout.write(`✗ ${name}: ${count(warnings.length, 'warning')} (--strict)\n`)
    return 1
  }
  io.stdout.write(`✓ ${name} is valid: ${summary}${warnings.length ? `; ${count(warnings.length, 'warning')}` : ''}\n`)
  return 0
}
