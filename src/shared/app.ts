import { z } from 'zod'

export const appInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  dataDir: z.string(),
  databasePath: z.string(),
  schemaVersion: z.number().int(),
})
export type AppInfo = z.infer<typeof appInfoSchema>

export const provinceRegionSchema = z.object({
  provinceCode: z.string(),
  provinceName: z.string(),
  regionId: z.number().int().nullable(),
})
export type ProvinceRegion = z.infer<typeof provinceRegionSchema>

export const provinceRegionSetInput = z
  .object({
    provinceCode: z.string({ error: '省份代码必须是文字' }).regex(/^\d{2}0000$/, '省份代码无效'),
    regionId: z.number({ error: '大区编号必须是数字' }).int().positive().nullable(),
  })
  .strict()

/** Empty input for channels that take none; strict so stray keys are refused. */
export const noInput = z.object({}).strict()
