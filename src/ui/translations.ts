// Texts: the built-in English, the configured translations over it, and the direction a language is written in.
import type { LabelledTexts } from './types.js'

/** Deep merge of texts, key by key; null and undefined keep the value below. Also used by the <script> build. */
export const merge = (below: any, above: any): any => {
  let out = { ...below }
  for (let key in above) if (above[key] != null && key != '__proto__') out[key] = typeof above[key] == 'object' ? merge(out[key], above[key]) : above[key]
  return out
}

/** Languages written right to left, by their primary subtag. */
export const directionOf = (language: string) => (/^(ar|he|fa|ur|ps|yi|dv|ckb)\b/.test(language) ? 'rtl' : 'ltr')

/** A category's or service's label, or its id when it has none. */
export const labelOf = (texts: LabelledTexts, id: string) => texts[id]?.label || id
