import type { ChartoConfig, ResolvedConfig } from './types.js'
import { firstProblem, knownIds, NECESSARY, REGION_CODE } from './check.js'
import { SCHEMA } from '../schema.js'
import { isDevelopment } from '../development.js'
import { validateConfig, invalidConfiguration } from '../validate/index.js'

export { NECESSARY, REGION_CODE }

/** A copy of the object's own keys in an object without prototype, which inherits nothing. */
const withoutPrototype = <T extends object>(object: T): T => Object.assign(Object.create(null), object)
/**
 * A frozen copy of a configuration value: plain objects and lists are copied and frozen all the way down, so that no
 * module can talk to another by writing into the configuration, and the host's own objects are never frozen. Anything
 * else (a host's callback) is kept as it is. A cycle maps to its copy.
 */
const frozenCopy = <T>(value: T, copies = new Map<object, object>()): T => {
  if (!value || typeof value != 'object') return value
  let prototype = Object.getPrototypeOf(value)
  let isList = Array.isArray(value)
  if (!isList && prototype != Object.prototype && prototype != null) return value
  let copy = copies.get(value)
  if (!copy) {
    copies.set(value, (copy = isList ? [] : Object.create(prototype)))
    for (let key of Object.keys(value)) (copy as any)[key] = frozenCopy((value as any)[key], copies)
    Object.freeze(copy)
  }
  return copy as T
}

/**
 * Validates and merges a configuration with the defaults. A bad configuration throws: in the development builds an
 * Error listing every problem with a hint (`error.problems`), in the others a short one naming the first bad path
 * and `npx charto validate`, which lists them all.
 */
export function resolveConfig(config: ChartoConfig = {}): ResolvedConfig {
  let known = knownIds(config)
  if (isDevelopment) {
    let problems = validateConfig(config)
    if (problems.length) throw invalidConfiguration(config, problems)
  } else {
    let path = firstProblem(config, SCHEMA, known)
    if (path != null) {
      let message = 'is not valid; `npx charto validate` lists every problem'
      throw Object.assign(new Error(`charto: invalid configuration at ${path}: ${message}`), { problems: [{ path, message }] })
    }
  }
  // Only own keys are read, and the maps handed on have no prototype: a key an old library put on Object.prototype
  // (`extend`) is neither an option nor a category, here or in any `for…in` elsewhere.
  return frozenCopy(withoutPrototype({
    ...config,
    categories: known.categories as ResolvedConfig['categories'],
    services: withoutPrototype(known.services) as ResolvedConfig['services'],
    mode: config.mode || 'opt-in',
    revision: config.revision || 0,
    consentLifetimeDays: config.consentLifetimeDays || 180,
    cookie: { name: 'charto_consent', path: '/', ...config.cookie }
  }))
}
