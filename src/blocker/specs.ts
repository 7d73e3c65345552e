// Which category or service an id names: the blocker's clearing, and its stand-in in the loader, read what each
// refused id declares (`cookies`, `storage`) from it.
import type { ResolvedConfig } from '../core/types.js'
import { has } from '../core/has.js'

/** The category or service each of `ids` names (a category where both have the id, as everywhere in charto). */
export const specsOf = ({ categories, services }: Pick<ResolvedConfig, 'categories' | 'services'>, ids: string[]) =>
  ids.map((id) => (has(categories, id) ? categories : services)[id])
