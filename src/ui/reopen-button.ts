// The reopen button: a floating button that opens the preferences on every page, when `ui.reopenButton` is set.
import { createElement } from './element.js'

/** A manual popover (it floats in the top layer), named by the preferences centre's title. */
export const reopenButton = (label: string, onclick: () => void) =>
  createElement('button', { part: 'reopen', popover: 'manual', 'data-charto-action': 'preferences', 'aria-label': label, onclick })
