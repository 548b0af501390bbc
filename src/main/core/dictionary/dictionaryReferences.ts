import { customerDictFields } from '../../../shared/customer'
import type { DictionaryCategory } from '../../../shared/dictionary'
import { snakeCase } from '../db/customerEntities'

/**
 * Every column that points at a dictionary item. An item counted here is "in
 * use": it can be disabled but not deleted. Each domain adds its columns here.
 */
export const dictionaryReferences: { category: DictionaryCategory; table: string; column: string }[] = [
  { category: 'region', table: 'province_region', column: 'region_id' },
  ...Object.entries(customerDictFields).map(([field, category]) => ({
    category,
    table: 'customer',
    column: snakeCase(field),
  })),
  { category: 'interactionType', table: 'interaction', column: 'type_id' },
  { category: 'staff', table: 'interaction', column: 'staff_id' },
  { category: 'product', table: 'sale', column: 'product_id' },
  { category: 'staff', table: 'project', column: 'staff_id' },
  { category: 'product', table: 'feedback', column: 'product_id' },
  { category: 'staff', table: 'feedback', column: 'handler_id' },
]
