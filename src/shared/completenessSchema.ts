import { z } from 'zod'

/** 资料完整度 as stored with each customer and shown on the card; computed in completeness.ts. */
export const completenessSchema = z.object({
  /** 0–100, rounded. */
  percent: z.number().int(),
  filled: z.number().int(),
  total: z.number().int(),
  /** Chinese labels of the key fields still empty, in card order. */
  missing: z.array(z.string()),
})
export type Completeness = z.infer<typeof completenessSchema>
