import type { ConsentState, ResolvedConfig } from './types.js'
import { has } from './has.js'

/** True when `name` (a category or service id) is granted in `state`. Exact ids only; unknown names are not granted. */
export function grantedIn(state: ConsentState, name: string): boolean {
  return has(state.categories, name) ? state.categories[name] : has(state.services, name) && state.services[name]
}

/**
 * The state shown on the server and during hydration: nothing decided, every optional category and its services off.
 * Built from the configuration alone, so it never reads cookies, storage or `window`.
 */
export function undecidedState(config: ResolvedConfig): ConsentState {
  let categories: Record<string, boolean> = {}
  let services: Record<string, boolean> = {}
  for (let id in config.categories) categories[id] = !!config.categories[id].required
  for (let id in config.services) services[id] = !!categories[config.services[id].category]
  return {
    decided: false,
    categories,
    services,
    id: null,
    createdAt: null,
    updatedAt: null,
    expiresAt: null,
    revision: config.revision,
    method: null,
    gpc: false,
    region: typeof config.region === 'string' ? config.region : null,
    language: config.language || null
  }
}
