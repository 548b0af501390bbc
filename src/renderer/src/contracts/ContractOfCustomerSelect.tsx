import { Select } from 'antd'
import { useQuery } from '../api/useQuery'

/** A 交易记录's 合同: one of its customer's contracts, the newest first. */
export function ContractOfCustomerSelect(props: {
  customerId: number
  value?: number | null
  onChange?: (value: number | null) => void
}): React.JSX.Element {
  const contracts = useQuery('contracts.list', {
    customerId: props.customerId,
    startRow: 0,
    endRow: 200,
    sortBy: 'signedOn',
    sortOrder: 'desc',
  })
  return (
    <Select<number>
      aria-label="合同"
      allowClear
      placeholder={contracts.error ? `合同未能载入：${contracts.error}` : '可不选'}
      loading={contracts.loading}
      value={props.value ?? undefined}
      onChange={(value) => props.onChange?.(value ?? null)}
      options={(contracts.data?.rows ?? []).map((c) => ({
        value: c.id,
        label: `${c.contractNo} ${c.name}（${c.status}）`,
      }))}
      notFoundContent="该客户尚无合同"
      showSearch={{ optionFilterProp: 'label' }}
    />
  )
}
