// The bridges for the <script> build: dist/wordpress.global.js and dist/shopify.global.js attach to the manager the
// loader started (window.Charto.instance), or to the one it starts later, whichever comes first.
import type { Followed } from './follow.js'

/** Runs `bridge` on charto's running manager, now or when it is ready. */
export function attachToPage(bridge: (manager: Followed) => unknown): void {
  if (typeof window == 'undefined') return
  let charto = () => (window as { Charto?: { instance?: Followed } }).Charto?.instance
  let running = charto()
  if (running) bridge(running)
  else addEventListener('charto:ready', () => charto() && bridge(charto()!), { once: true })
}
