import type { DictionaryCategory } from '../../../shared/dictionary'

/**
 * Every column that points at a dictionary item. An item counted here is "in
 * use": it can be disabled but not deleted. Each domain adds its columns here.
 */
export const dictionaryReferences: { category: DictionaryCategory; table: string; column: string }[] = [
  { category: 'region', table: 'province_region', column: 'region_id' },
]
