import { consentFromHeaders } from 'charto'
import { chartoConfig } from '$lib/charto-config.js'

// The consent cookie and Sec-GPC decide the first render; the page hydrates with the same state.
export function load({ request }) {
  return { consent: consentFromHeaders(chartoConfig, request.headers) }
}
