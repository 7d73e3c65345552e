// Consent records: the public names (the `records` extension, the record's shape, receipts). The delivery itself
// lives in src/records/, so that the loader can fetch it as a chunk only when a record is to be sent.
import type { Extension } from '../core/consent.js'
import type { ResolvedConfig } from '../core/types.js'
import { wantsRecords, type ConsentRecord } from '../records/record.js'
import { startDelivery } from '../records/delivery.js'

export type { ConsentRecord, RecordsOptions } from '../records/record.js'
export { toRecord } from '../records/record.js'
export { sha256, configHash } from '../records/hash.js'
export { backoff, QUEUE_SIZE, MAX_ATTEMPTS, IN_FLIGHT } from '../records/queue.js'

/**
 * A record for every decision of this tab (not for decisions arriving from other tabs), given to
 * `config.onRecord(record)` and POSTed as JSON to `config.records.endpoint` with `fetch` keepalive. Failed deliveries
 * wait in a bounded localStorage queue and are retried on a later page load (or when the browser comes online).
 */
export const records: Extension = (context) => {
  let { manager, config } = context
  if (typeof window == 'undefined' || !wantsRecords(config)) return
  let delivery = startDelivery(context)
  let off = manager.on('change', ({ consent, remote }) => remote || !consent.decided || delivery.record(consent))
  return () => {
    off()
    delivery.stop()
  }
}

export interface ReceiptOptions {
  /** The controller as Kantara lists it: `{ piiController, contact, address, email, phone, piiControllerUrl }`. */
  controller?: Record<string, unknown>
  policyUrl?: string
  jurisdiction?: string
  /** The configuration, for category and service labels and each service's category. */
  config?: Pick<ResolvedConfig, 'categories' | 'services'>
}

/**
 * A record in the Kantara Initiative Consent Receipt v1.1 shape: one service entry per granted category or service.
 * `consentReceiptID` is the consent id plus this decision's time, so the same record always gives the same receipt.
 */
export function toReceipt(record: ConsentRecord, options: ReceiptOptions = {}) {
  let { controller = {}, config } = options
  let time = Date.parse(record.updatedAt)
  let entry = (id: string, category: string) => ({
    service: (config && (config.services[id] || config.categories[id] || {}).label) || id,
    purposes: [
      {
        purpose: (config && config.categories[category]?.label) || category,
        purposeCategory: [category],
        consentType: category == 'necessary' ? 'NOT REQUIRED' : record.mode == 'opt-in' ? 'EXPLICIT' : 'IMPLICIT',
        piiCategory: ['Online identifiers (cookies and similar storage)'],
        primaryPurpose: category == 'necessary',
        termination: `Until ${record.expiresAt} or withdrawal in the site's cookie settings`,
        thirdPartyDisclosure: false
      }
    ]
  })
  let granted = (choices: Record<string, boolean>) => Object.keys(choices).filter((id) => choices[id])
  return {
    version: 'KI-CR-v1.1.0',
    jurisdiction: options.jurisdiction || record.region || '',
    consentTimestamp: Math.floor(time / 1000),
    collectionMethod: record.method,
    consentReceiptID: record.id + '.' + time.toString(36),
    language: record.language || undefined,
    piiPrincipalId: record.id,
    piiControllers: [controller],
    policyUrl: options.policyUrl || record.url,
    services: [
      ...granted(record.categories).map((id) => entry(id, id)),
      ...granted(record.services).map((id) => entry(id, (config && config.services[id]?.category) || 'service'))
    ],
    sensitive: false,
    spiCat: [] as string[]
  }
}
