// The visitor's receipt: the Kantara consent receipt of their latest decision as JSON, or the same as a page.
// The page has no script and its one style block is allowed by hash, so it works under the strictest CSP.
import { createHash } from 'node:crypto'
import { toReceipt, type ReceiptOptions } from '../signals/records.js'
import type { StoredRecord } from './repository.js'

/** The receipt of a consent id's latest decision, with the dates of the decisions before it. */
export function receiptOf(chain: StoredRecord[], options: ReceiptOptions = {}) {
  let latest = chain[chain.length - 1]
  return {
    ...toReceipt(latest, options),
    // Not in Kantara's shape: the visitor's earlier decisions, so a withdrawal shows what it withdrew.
    history: chain.map((record) => ({ updatedAt: record.updatedAt, method: record.method, categories: record.categories, services: record.services }))
  }
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }
/** Text as HTML text: every value on the page passes here, so a record can never add markup. */
export const escapeHtml = (value: unknown) => String(value ?? '').replace(/[&<>"']/g, (character) => ESCAPES[character])

const STYLE = `body{font:16px/1.5 system-ui,sans-serif;max-width:44rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1.5rem}th,td{text-align:left;padding:.35rem .5rem;border-bottom:1px solid #ddd}
.granted{color:#14632d}.refused{color:#8a1c1c}code{font-size:.9em;word-break:break-all}small{color:#555}`

/** The Content-Security-Policy of receipt pages: nothing but this style block. */
export const RECEIPT_CSP = `default-src 'none'; img-src data:; style-src 'sha256-${createHash('sha256').update(STYLE).digest('base64')}'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`

const METHOD_WORDS: Record<string, string> = {
  'accept-all': 'Accept all',
  'reject-all': 'Reject all',
  custom: 'your own choice in the settings',
  api: 'set by the site on your request',
  gpc: 'your browser’s Global Privacy Control signal'
}

const choiceRows = (choices: Record<string, boolean>) =>
  Object.keys(choices)
    .map((id) => `<tr><td>${escapeHtml(id)}</td><td class="${choices[id] ? 'granted">allowed' : 'refused">refused'}</td></tr>`)
    .join('')

/** The receipt as a page for the visitor. */
export function receiptPage(chain: StoredRecord[], options: ReceiptOptions = {}): string {
  let latest = chain[chain.length - 1]
  let receipt = toReceipt(latest, options)
  let services = Object.keys(latest.services).length
    ? `<h2>Services</h2><table><tr><th>Service</th><th>Your choice</th></tr>${choiceRows(latest.services)}</table>`
    : ''
  let history = chain
    .slice()
    .reverse()
    .map((record) => `<li>${escapeHtml(record.updatedAt)}: ${escapeHtml(METHOD_WORDS[record.method] || record.method)}</li>`)
    .join('')
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex"><title>Your consent receipt</title><link rel="icon" href="data:,"><style>${STYLE}</style></head>
<body><main>
<h1>Your consent receipt</h1>
<p>This is what you chose about cookies and similar storage on <code>${escapeHtml(latest.url)}</code>. Keep the consent id to show it later.</p>
<table>
<tr><th>Consent id</th><td><code>${escapeHtml(latest.id)}</code></td></tr>
<tr><th>Decided</th><td>${escapeHtml(latest.updatedAt)}</td></tr>
<tr><th>How</th><td>${escapeHtml(METHOD_WORDS[latest.method] || latest.method)}</td></tr>
<tr><th>Valid until</th><td>${escapeHtml(latest.expiresAt)}</td></tr>
<tr><th>Global Privacy Control</th><td>${latest.gpc ? 'on' : 'off'}</td></tr>
${latest.region ? `<tr><th>Region</th><td>${escapeHtml(latest.region)}</td></tr>` : ''}
<tr><th>Receipt</th><td><code>${escapeHtml(receipt.consentReceiptID)}</code></td></tr>
</table>
<h2>Categories</h2>
<table><tr><th>Category</th><th>Your choice</th></tr>${choiceRows(latest.categories)}</table>
${services}
<h2>Your decisions</h2>
<ol reversed>${history}</ol>
<p><small>You can change or withdraw your choice at any time in the site’s cookie settings; a change adds a decision here, it never rewrites an earlier one. <a href="?format=json">This receipt as JSON</a> (Kantara Consent Receipt v1.1).</small></p>
</main></body></html>
`
}

/** The page for a receipt that is not there (erased, expired, or a mistyped link). */
export const missingReceiptPage = (message: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex"><title>No consent receipt</title><link rel="icon" href="data:,"><style>${STYLE}</style></head>
<body><main><h1>No consent receipt</h1><p>${escapeHtml(message)}</p></main></body></html>
`
