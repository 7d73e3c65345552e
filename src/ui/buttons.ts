// The dialog's buttons, each with its public hook.
import { createElement } from './element.js'
import type { DialogAction } from './types.js'

export type ButtonSpec = [label: string, onclick: () => void, action: DialogAction]

/**
 * A button with its public hook: `data-charto-action`, and a part named after the action beside `button` (the
 * Preferences button's is `preferences-button`: `preferences` already names the preferences centre).
 */
export const actionButton = (label: string, onclick: () => void, action: DialogAction) =>
  createElement('button', { part: 'button ' + action + (action == 'preferences' ? '-button' : ''), 'data-charto-action': action, onclick }, label)

/** A row of buttons, in the order given. */
export const buttonRow = (...buttons: ButtonSpec[]) => createElement('div', { part: 'buttons' }, ...buttons.map((spec) => actionButton(...spec)))
