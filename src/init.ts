import { createConsent } from './core/consent.js'
import type { ChartoConfig } from './core/types.js'
import { regions, consentMode, vendors, records } from './signals/index.js'
import { blocker } from './blocker/index.js'
import { ui, type UiManager } from './ui/index.js'

/**
 * The whole SDK: consent core, region policy, Google Consent Mode and vendor signals, records,
 * blocking and the dialog. Order matters: regions settle the mode first, and signals go out
 * before the blocker runs anything or reloads.
 */
export function init(config?: ChartoConfig): UiManager {
  return createConsent(config, [regions, consentMode, vendors, records, blocker, ui]) as UiManager
}
