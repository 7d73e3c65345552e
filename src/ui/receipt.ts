// The consent id, with a link to its receipt at the records service.
import { createElement } from './element.js'
import { attempt } from '../core/attempt.js'
import type { DialogTexts } from './types.js'

/** `<endpoint>/<id>/receipt`, for an http(s) endpoint only; nothing without a decision or an endpoint. */
export const receipt = (texts: DialogTexts, id: string | null, endpoint?: string) => {
  let url = id && endpoint && attempt(() => new URL(endpoint, location.href))
  if (!url || !/^https?:$/.test(url.protocol)) return ''
  url.pathname = url.pathname.replace(/\/*$/, '/') + encodeURIComponent(id!) + '/receipt'
  let words = texts.preferences
  return createElement('p', { part: 'receipt' }, words.consentId.replace('{id}', () => id!), ' ', createElement('a', { href: url.href }, words.receipt))
}
