import { Segmented, Select, Space } from 'antd'
import type { CustomerOwnerFilter } from '../../../shared/customerList'
import { useAccountRole } from './session'
import { useStaffOptions } from './useStaffOptions'

type Choice = Exclude<CustomerOwnerFilter, number>

/**
 * 我的客户 / 公海 / 全部 above the sheet (accounts on). A 业务员's 全部 is their own and
 * the 公海 (the core's scope); 主管 and 管理员 may also pick one 业务员's customers.
 */
export function OwnerSwitch({
  value,
  onChange,
}: {
  value: CustomerOwnerFilter
  onChange: (owner: CustomerOwnerFilter) => void
}): React.JSX.Element | null {
  const { accounts, user, seesAll } = useAccountRole()
  if (!accounts || !user) return null
  // One 业务员's customers: none of the three is lit, the picker shows whose.
  const choice = typeof value === 'number' ? '' : value
  return (
    <Space size={6}>
      <Segmented<Choice | ''>
        aria-label="客户范围"
        value={choice}
        onChange={(next) => {
          if (next !== '') onChange(next)
        }}
        options={[
          { value: 'mine', label: '我的客户', disabled: user.staffId === null },
          { value: 'pool', label: '公海' },
          { value: 'all', label: '全部' },
        ]}
      />
      {seesAll && <StaffPicker value={typeof value === 'number' ? value : undefined} onChange={onChange} />}
    </Space>
  )
}

function StaffPicker({
  value,
  onChange,
}: {
  value: number | undefined
  onChange: (owner: CustomerOwnerFilter) => void
}): React.JSX.Element {
  const staff = useStaffOptions()
  return (
    <Select<number>
      allowClear
      aria-label="某业务员的客户"
      placeholder="某业务员的客户"
      style={{ width: 150 }}
      value={value}
      loading={staff.load.loading}
      options={staff.options}
      onChange={(id) => onChange(id ?? 'all')}
    />
  )
}
