import { Segmented, Space } from 'antd'
import { dimensionLabels, type AnalysisDimension } from '../../../shared/analysis/dimensions'

export type AreaDimension = Extract<AnalysisDimension, 'region' | 'province' | 'city'>
const areaDimensions: AreaDimension[] = ['region', 'province', 'city']

/** 区域 by 大区, or by 省/市 for a small firm whose customers sit in a few provinces (docs/product-rules.md#periods). */
export function DimensionPicker({ value, onChange }: { value: AreaDimension; onChange: (d: AreaDimension) => void }) {
  return (
    <Space size={8}>
      <span>区域按</span>
      <Segmented<AreaDimension>
        value={value}
        onChange={onChange}
        options={areaDimensions.map((d) => ({ value: d, label: dimensionLabels[d] }))}
      />
    </Space>
  )
}
