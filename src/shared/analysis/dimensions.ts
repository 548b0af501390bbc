/** What a distribution or ratio groups customers by (docs/product-rules.md#periods). */
export const analysisDimensions = ['region', 'province', 'city', 'source', 'salesScale', 'nature', 'industry'] as const
export type AnalysisDimension = (typeof analysisDimensions)[number]

export const dimensionLabels: Record<AnalysisDimension, string> = {
  region: '大区',
  province: '省份',
  city: '城市',
  source: '客户来源',
  salesScale: '客户规模',
  nature: '客户性质',
  industry: '所属行业',
}

/** The label of customers without a value in the dimension. */
export const unsetLabels: Record<AnalysisDimension, string> = {
  region: '未分区域',
  province: '未填省份',
  city: '未填城市',
  source: '未填来源',
  salesScale: '未填规模',
  nature: '未填性质',
  industry: '未填行业',
}

/** The key of the group of customers without a value. */
export const unsetKey = 'none'
