import type { Translation, UiOptions } from './index.js'

/** The options the dialog reads. */
export interface DialogOptions {
  /** Layout, position, theme and the reopen button of the dialog. */
  ui?: UiOptions
  /** Texts per language code, merged key by key over the built-in ones (`en` overrides English). */
  translations?: Record<string, Translation>
  /** Linked from the banner. */
  privacyPolicyUrl?: string
}

/** How the configuration check reads DialogOptions (the rule language: src/core/schema.ts). */
export const dialogRules = {
  ui: { layout: ['bar', 'box', 'modal'], position: 'string', theme: ['light', 'dark', 'auto'], reopenButton: 'boolean', nonce: 'string' },
  translations: 'object',
  privacyPolicyUrl: 'string'
} as const
