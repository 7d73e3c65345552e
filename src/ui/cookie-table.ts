// The table of a category's cookies, in its own labelled region that scrolls sideways instead of squeezing its cells.
import { createElement } from './element.js'
import type { CookieSpec } from '../core/types.js'
import type { DialogTexts } from './types.js'

/** One row per cookie: a bare name, or a cookie described in full. `provider` fills in a cookie that names none. */
export const cookieRows = (texts: DialogTexts, cookies: (string | CookieSpec)[] = [], provider?: string) =>
  cookies.map((cookie) => {
    let spec = typeof cookie == 'string' ? { name: cookie } : cookie
    let words = texts.preferences
    let cells = [spec.name, spec.provider || provider, spec.purpose, spec.duration, spec.thirdParty ? words.thirdParty : words.firstParty]
    return createElement('tr', {}, ...cells.map((cell) => createElement('td', {}, cell || '')))
  })

/** The rows under their column headers, in a focusable region named "<category>: Cookies". */
export const cookieTable = (texts: DialogTexts, categoryLabel: string, rows: HTMLElement[]) => {
  let words = texts.preferences
  let headers = [words.name, words.provider, words.purpose, words.duration, words.party]
  return createElement(
    'div',
    { part: 'table', role: 'region', tabindex: '0', 'aria-label': categoryLabel + ': ' + words.cookies },
    createElement('table', {}, createElement('tr', {}, ...headers.map((header) => createElement('th', { scope: 'col' }, header))), ...rows)
  )
}
