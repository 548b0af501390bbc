import { Select } from 'antd'
import { useQuery } from '../api/useQuery'

/** 项目 of the contract's customer (as 甲方 or 乙方), the newest first. */
export function ProjectOfCustomerSelect(props: {
  customerId: number
  value?: number | null
  onChange?: (value: number | null) => void
}): React.JSX.Element {
  const projects = useQuery('projects.list', { customerId: props.customerId, startRow: 0, endRow: 200 })
  return (
    <Select<number>
      aria-label="项目"
      allowClear
      placeholder={projects.error ? `项目未能载入：${projects.error}` : '可不选'}
      loading={projects.loading}
      value={props.value ?? undefined}
      onChange={(value) => props.onChange?.(value ?? null)}
      options={(projects.data?.rows ?? []).map((p) => ({ value: p.id, label: `${p.name}（${p.stage}）` }))}
      notFoundContent="该客户尚无项目"
      showSearch={{ optionFilterProp: 'label' }}
    />
  )
}
