// What every platform bridge needs: the visitor's state whenever it matters to a platform, through the public `on`
// only, so a bridge works as an extension (before `ready`) and attached to a running manager (a <script> loaded later).
import type { ConsentManager } from '../core/consent.js'
import type { ConsentState } from '../core/types.js'
import { grantedIn } from '../core/state.js'
import { has } from '../core/has.js'

/** The manager's public face a bridge uses. */
export type Followed = Pick<ConsentManager, 'on' | 'config' | 'mode'>

/**
 * Calls `tell` with the state of a decided visitor at start (or at once, attached later) and after every change of
 * decision, a reset included: a platform that heard "allow" must hear that it no longer holds. Returns the teardown.
 */
export function followDecisions(manager: Followed, tell: (state: ConsentState) => void): () => void {
  let off = [manager.on('ready', (state) => state.decided && tell(state)), manager.on('change', (detail) => tell(detail.consent))]
  return () => off.forEach((stop) => stop())
}

/**
 * Checks that each value of a platform mapping names a category or service of the configuration. An unknown name is
 * never granted (so the platform hears "deny"), and the error says which key to fix.
 */
export function checkMapping(manager: Followed, option: string, mapping: Record<string, string>): Error | undefined {
  let { categories, services } = manager.config
  let unknown = Object.keys(mapping).filter((key) => !has(categories, mapping[key]) && !has(services, mapping[key]))
  if (unknown.length) {
    return new Error(
      `charto: ${option}.${unknown[0]} is "${mapping[unknown[0]]}", which is neither a category (${Object.keys(categories)}) nor a service; ` +
        'name one of them, or the platform is told "deny"'
    )
  }
}

/** Whether the category or service a platform purpose maps to is granted. */
export const grants = (state: ConsentState, name: string): boolean => grantedIn(state, name)

/** Reports an error the visitor cannot see without stopping the page, as the manager's own handlers do. */
export const report = (error: unknown): void => (typeof reportError == 'function' ? reportError(error) : console.error(error))
