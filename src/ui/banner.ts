// The banner: the first layer a visitor sees, with the same choices as the preferences centre.
import { createElement, type Child } from './element.js'
import { link, textWithLinks } from './rich-text.js'
import { buttonRow } from './buttons.js'
import type { ResolvedConfig } from '../core/types.js'
import type { DialogActions, DialogTexts } from './types.js'

/** The banner's content. In opt-out mode it is a notice, with the "Do Not Sell or Share" link under its buttons. */
export const bannerContent = (texts: DialogTexts, actions: DialogActions, config: ResolvedConfig, mode: string): Child[] => {
  let words = texts.banner
  let optOut = mode == 'opt-out'
  let privacyPolicyUrl = config.privacyPolicyUrl as string | undefined
  return [
    createElement(
      'div',
      {},
      createElement('h2', { id: 't' }, words.title),
      createElement('p', {}, ...textWithLinks(optOut ? words.notice : words.description), ...(privacyPolicyUrl ? [' ', link(words.privacyPolicy, privacyPolicyUrl)] : []))
    ),
    buttonRow([words.acceptAll, actions.acceptAll, 'accept-all'], [words.rejectAll, actions.rejectAll, 'reject-all'], [words.preferences, actions.showPreferences, 'preferences']),
    // A link-styled button (part "link"), with the same hook as a page's own data-charto-do-not-sell trigger.
    optOut ? createElement('button', { part: 'link', 'data-charto-action': 'do-not-sell', onclick: actions.doNotSell }, texts.preferences.doNotSell) : ''
  ]
}
