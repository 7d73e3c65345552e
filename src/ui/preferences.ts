// The preferences centre: a switch per category, its services and cookies, and the same choices as the banner.
import { createElement, type Child, type DialogElement } from './element.js'
import { textWithLinks } from './rich-text.js'
import { buttonRow } from './buttons.js'
import { cookieRows, cookieTable } from './cookie-table.js'
import { receipt } from './receipt.js'
import { labelOf } from './translations.js'
import type { ConsentState, ResolvedConfig } from '../core/types.js'
import type { DialogActions, DialogTexts } from './types.js'

/** The preferences centre's content for the state `state`; `close` is the close button's (and Escape's) action. */
export const preferencesContent = (texts: DialogTexts, state: ConsentState, config: ResolvedConfig, actions: DialogActions, close: () => void, mode: string): Child[] => {
  let { categories, services } = config
  // Checked by the configuration's validation: a non-empty string, when set.
  let { endpoint } = (config.records || {}) as { endpoint?: string }
  let words = texts.preferences
  let switches: Record<string, DialogElement> = {}

  /** A switch row and its description, for a category or a service. */
  let item = (kind: 'categories' | 'services', id: string, locked: unknown, onchange?: () => void) => [
    createElement(
      'div',
      { part: 'row' },
      createElement(
        'label',
        {},
        (switches[id] = createElement('input', { type: 'checkbox', role: 'switch', checked: state[kind][id], disabled: !!locked, 'aria-describedby': 'd-' + id, onchange })),
        labelOf(texts[kind], id)
      ),
      locked && kind == 'categories' ? createElement('span', {}, words.alwaysOn) : ''
    ),
    createElement('p', { id: 'd-' + id }, ...textWithLinks(texts[kind][id]?.description))
  ]

  /** A category: its switch (which sets its services' switches too), then its services and cookies folded away. */
  let category = (id: string) => {
    let locked = categories[id].required
    let own = Object.keys(services).filter((service) => services[service].category == id)
    let rows = [
      ...cookieRows(texts, categories[id].cookies),
      ...own.flatMap((service) => cookieRows(texts, services[service].cookies, services[service].provider || labelOf(texts.services, service)))
    ]
    return createElement(
      'div',
      { part: 'category' },
      ...item('categories', id, locked, () => own.map((service) => (switches[service].checked = switches[id].checked))),
      own.length + rows.length
        ? createElement(
            'details',
            {},
            createElement('summary', {}, words.details),
            ...own.map((service) => createElement('div', { part: 'service' }, ...item('services', service, locked))),
            rows.length ? cookieTable(texts, labelOf(texts.categories, id), rows) : ''
          )
        : ''
    )
  }

  let save = () => {
    let choices: Record<string, boolean> = {}
    for (let id of Object.keys(switches)) if (!switches[id].disabled) choices[id] = switches[id].checked
    actions.saveChoices(choices)
  }

  return [
    createElement('button', { part: 'close', 'data-charto-action': 'close', 'aria-label': words.close, onclick: close }, '×'),
    createElement('h2', { id: 't' }, words.title),
    createElement('p', {}, ...textWithLinks(words.description)),
    state.gpc && mode == 'opt-out' ? createElement('p', { role: 'status', part: 'note' }, words.gpc) : '',
    ...Object.keys(categories).map(category),
    receipt(texts, state.id, endpoint),
    buttonRow([words.acceptAll, actions.acceptAll, 'accept-all'], [words.rejectAll, actions.rejectAll, 'reject-all'], [words.save, save, 'save'])
  ]
}
