// The clearing, paid for when used: the <script>-tag loader fetches it as a chunk only when a decision refuses a
// category or service that declares cookies or storage. A returning visitor never fetches it.
import type { ExtensionContext } from '../core/consent.js'
import type { ResolvedConfig } from '../core/types.js'
import { specsOf } from './specs.js'
import type { clearDeclared } from './clear.js'

/** The clearing of what categories and services declare (src/blocker/clear.ts), as the blocker calls it. */
export type ClearDeclared = typeof clearDeclared

/**
 * Stands in for the clearing: loads it with `load` (once; again after a failure) when one of `ids` declares cookies or
 * storage, then clears. Without any, a withdrawal still announces an empty `cleared`. A clearing that cannot be had
 * fails closed: one `error` event says what failed, and the promise resolves all the same, so that `reloadOnRevoke`
 * still reloads: the decision is stored already, and the reload is what stops the withdrawn scripts that run. The
 * cookies stay until the next decision or withdrawal that refuses them loads the clearing again. Looking for them on
 * every later page load (a refused category's cookies or storage still there) would clear them sooner, but costs the
 * loader more (172 B brotli measured) than moving the clearing out saves.
 */
export function lazyClearing(load: () => Promise<ClearDeclared>): ClearDeclared {
  let loading: Promise<ClearDeclared> | undefined
  return (config: Pick<ResolvedConfig, 'categories' | 'services' | 'cookie'>, ids: string[], emit: ExtensionContext['emit'], quiet?: boolean) => {
    let declared = specsOf(config, ids).some((spec) => spec.cookies?.length || spec.storage?.length)
    // After every `change` handler, as the clearing itself would announce it.
    if (!declared) return Promise.resolve().then(() => void (quiet || emit('cleared', { removed: [], failed: [] })))
    return (loading ||= load().catch((error) => ((loading = undefined), Promise.reject(error))))
      .then((clear) => clear(config, ids, emit, quiet))
      .catch((error) => emit('error', error))
  }
}
