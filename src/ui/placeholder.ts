// Placeholders: a held embed (an iframe, a video, a map) is hidden and a card takes its place, saying what is blocked,
// with "Load this content" and the preferences.
import { createElement } from './element.js'
import { buttonRow } from './buttons.js'
import { createShadowHost } from './shadow-host.js'
import { labelOf } from './translations.js'
import { has } from '../core/has.js'
import type { ConsentManager } from '../core/consent.js'
import type { BlockedDetail } from '../blocker/index.js'
import type { DialogTexts } from './types.js'

/** The language placeholders are drawn in, read afresh at each drawing. */
export type CurrentLanguage = () => { texts: DialogTexts; language: string; direction: string }

/**
 * Draws a placeholder for each held embed (those held before the dialog started, and each `blocked` one after) and
 * takes it away when the embed is released. Returns `drawAll`: every placeholder drawn again (a new language), or with
 * `remove` taken away (destroy).
 */
export const placeholders = (
  manager: ConsentManager,
  heldBeforeStart: BlockedDetail[],
  current: CurrentLanguage,
  showPreferences: () => void,
  hostAttributes: Record<string, any>,
  nonce?: string
) => {
  let { categories, services } = manager.config
  /** Each placeholder's drawing function, by the embed it stands for: with `remove`, it goes and the embed shows. */
  let drawn = new Map<Element, (remove?: 1) => void>()

  let hold = ({ element, categories: held, service }: BlockedDetail) => {
    if (drawn.has(element)) return
    let [host, root] = createShadowHost(hostAttributes, nonce)
    let { offsetWidth: width, offsetHeight: height, style } = element
    let display = style.display
    // A group named by its own text, so each "Load this content" says which embed it loads (ids are per shadow root).
    // The embed's size, grown where its text needs more room on a narrow screen: text is never clipped.
    let card = createElement('div', { part: 'placeholder', role: 'group', 'aria-labelledby': 'p' })
    if (width) card.style.width = width + 'px'
    if (height) card.style.minHeight = height + 'px'
    root.append(card)
    let known = service && has(services, service)
    let draw = (remove?: 1) => {
      if (remove) {
        host.remove()
        style.display = display
        return drawn.delete(element)
      }
      let { texts, language, direction } = current()
      let categoryLabels = (known ? [services[service!].category] : held).map((id) => labelOf(texts.categories, id)).join(', ')
      let words = texts.placeholder
      let text = words.text
        .replace('{service}', () => (service ? labelOf(texts.services, service) : element.title || categoryLabels))
        .replace('{category}', () => categoryLabels)
      Object.assign(card, { lang: language, dir: direction })
      // Granting in place needs something to grant: a configured service, or known categories. A `!id` embed (shown
      // while a category is refused) or a misspelt id only offers the preferences.
      let grant = known ? { [service!]: true } : held.every((id) => has(categories, id)) && Object.fromEntries(held.map((id) => [id, true]))
      card.replaceChildren(
        createElement('p', { id: 'p' }, text),
        grant
          ? buttonRow([words.load, () => manager.setConsent(grant as Record<string, boolean>, 'custom'), 'load'], [words.preferences, showPreferences, 'preferences'])
          : buttonRow([words.preferences, showPreferences, 'preferences'])
      )
    }
    drawn.set(element, draw)
    draw()
    element.before(host)
    style.display = 'none'
  }

  manager.on('blocked', hold)
  heldBeforeStart.forEach(hold)
  manager.on('unblocked', ({ element }) => drawn.get(element)?.(1))
  return (remove?: 1) => drawn.forEach((draw) => draw(remove))
}
