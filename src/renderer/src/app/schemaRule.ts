import type { RuleObject } from 'antd/es/form'
import type { z } from 'zod'

/**
 * A form rule that runs the very zod schema the core validates with, so a form says
 * exactly what the core would say, before the round trip. `emptyAs` is what an
 * empty field means to the schema (null for most fields, '' for a required text).
 */
export function schemaRule(schema: z.ZodType, emptyAs: null | '' | undefined = null): RuleObject {
  return {
    validator: async (_rule, value: unknown) => {
      // Rate reports 0 for "no stars": that is empty, not an out-of-range 0 (and 0 passes every other nullable check).
      const input = value === undefined || value === null || value === '' || value === 0 ? emptyAs : value
      const result = schema.safeParse(input)
      if (!result.success) throw new Error(result.error.issues[0]?.message ?? '输入有误')
    },
  }
}
