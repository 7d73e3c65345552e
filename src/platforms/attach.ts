// The bridges for the <script> build: dist/wordpress.global.js and dist/shopify.global.js attach to the manager the
// loader started (window.Charto.instance), or to the one it starts later, whichever comes first.
import type { Followed } from './follow.js'

/** Runs `bridge` on charto's running manager, now or when it is ready. */
export function attachToPage(bridge: (manager: Followed) => unknown): void {
  if (typeof window == 'undefined') return
  let charto = () => (window as { Charto?: { instance?: Followed } }).Charto?.instance
  let running = charto()
  if (running) bridge(running)
  // `ready` fires inside init, before init returns and window.Charto.instance is set: look once that has happened. The
  // bridge still hears the state, since a `ready` handler added later is called at once.
  else addEventListener('charto:ready', () => queueMicrotask(() => charto() && bridge(charto()!)), { once: true })
}
