// The markup gate: which elements charto holds, where a held element keeps its URLs, and when it may load (contract in
// the README, "Blocking scripts and embeds until consent").
import type { CategoryConfig, ServiceConfig } from '../core/types.js'
import { has } from '../core/has.js'

/** An element charto may hold: a script, an embed, an image or media, with the properties it reads. */
export type HeldElement = HTMLElement & { src?: string; type?: string; nonce?: string; load?: () => void }

/** A gate: an element whose `data-category` or `data-service` decides whether it, and what it holds, may load. */
export const GATED = '[data-category],[data-service]'
// A held element keeps its URLs in these `data-*` attributes until it may load; `data-style` holds an inline style,
// whose `url()`s would load at once.
export const HELD_ATTRIBUTES = ['src', 'srcset', 'href', 'poster', 'style']
export const WITH_HELD_URL = '[data-src],[data-srcset],[data-href],[data-poster],[data-style]'
/** The type that keeps a script inert until charto runs it. */
export const INERT_SCRIPT = 'text/plain'

/** The `data-category` ids as written (`!id` included); none (no attribute, or only spaces) is undefined. */
export const categoryIds = (element: HTMLElement): string[] | undefined => element.dataset.category?.match(/\S+/g) || undefined

/** The gate for one configuration, asking the consent state through `isGranted`: returns `mayLoad`. */
export function createMarkupGate(categories: Record<string, CategoryConfig>, services: Record<string, ServiceConfig>, isGranted: (id: string) => boolean) {
  /**
   * One gate's answer. A configured `data-service` decides alone; else every `data-category` id must be granted, and
   * there must be one (`!id`: a known category that is not granted; an unknown one stays blocked like any misspelt id).
   */
  let allows = (gate: HTMLElement) => {
    let service = gate.dataset.service || ''
    return has(services, service)
      ? isGranted(service)
      : !!categoryIds(gate)?.every((id) => (id[0] == '!' ? has(categories, (id = id.slice(1))) && !isGranted(id) : isGranted(id)))
  }

  /**
   * An element may load when every gate on its path allows it: its own, if it has one, and each ancestor's. An outer
   * grant never releases what an inner gate refuses, nor the reverse. Without any gate, nothing is charto's to release.
   */
  let mayLoad = (element: Element) => {
    let gate: HeldElement | null | undefined = element.closest<HeldElement>(GATED)
    if (!gate) return false
    for (; gate; gate = gate.parentElement?.closest<HeldElement>(GATED)) if (!allows(gate)) return false
    return true
  }

  return mayLoad
}
