import { z } from 'zod'
import { strictError } from './fieldSchemas'

/** demo.load: fills an empty database with demo customers (the first-run offer). */
export const demoLoadInput = z.strictObject(
  {
    customers: z
      .number({ error: '客户数量必须是数字' })
      .int('客户数量必须是整数')
      .min(1, '客户数量至少 1 个')
      .max(2000, '客户数量最多 2000 个')
      .default(200),
  },
  { error: strictError('演示数据') },
)
export const demoLoadOutput = z.object({ customers: z.number().int() })

/** app.firstRun: whether the database holds no customer yet, and whether the user already answered the offer. */
export const firstRunOutput = z.object({ isEmpty: z.boolean(), decided: z.boolean() })

export const emptyOutput = z.object({})
