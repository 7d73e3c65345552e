// Every module's options, put together: the table the configuration check walks. The core declares its own
// (core/schema.ts) and knows no other module's; each module declares its rules beside its options type.
import { coreRules, fileRules } from './core/schema.js'
import { regionsRules, consentModeRules, vendorsRules, recordsRules } from './signals/options.js'
import { gatingRules } from './blocker/options.js'
import { dialogRules } from './ui/options.js'

export const SCHEMA = {
  ...coreRules,
  ...regionsRules,
  ...consentModeRules,
  ...vendorsRules,
  ...gatingRules,
  ...dialogRules,
  ...recordsRules,
  ...fileRules
} as const
