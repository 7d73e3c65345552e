// The texts the dialog shows, resolved for one language. The dialog and `charto declaration` read the same texts,
// so the privacy policy names each category and service the way the banner does.
import en, { type Dictionary } from './i18n/en.js'
import { merge } from './translations.js'
import type { LabelledTexts, Translation } from './types.js'
import type { CategoryConfig, ServiceConfig } from '../core/types.js'

export type { LabelledTexts }

/** What the texts depend on: the configured categories and services, and the configured translations. */
export interface TextSources {
  categories: Record<string, CategoryConfig>
  services: Record<string, ServiceConfig>
  translations?: Record<string, Translation>
}

/**
 * Built-in English, then the configuration's own labels and descriptions, then `translations.en`, then the
 * translation for `language`: each layer overrides the one before key by key. The dialog merges in this order.
 */
export const dialogTexts = ({ categories, services, translations = {} }: TextSources, language: string): Dictionary & { services: LabelledTexts } =>
  [{ categories, services }, translations.en, translations[language]].reduce(merge, en)
