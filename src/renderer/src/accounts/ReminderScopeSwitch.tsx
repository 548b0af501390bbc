import { Segmented, Select, Space } from 'antd'
import { useState } from 'react'
import { useAccountRole } from './session'
import { useStaffOptions } from './useStaffOptions'

/** reminders.list's staffId: 'mine', one 业务员 item, or undefined for all the caller sees. */
export type ReminderScope = number | 'mine' | undefined

/**
 * Whose reminders the 工作台 shows. A 业务员 always gets their own (the core's scope), so
 * only 主管 and 管理员 get a switch; they start on their own when they stand for a 业务员.
 */
export function useReminderScope(): { scope: ReminderScope; switcher: React.ReactNode } {
  const { user, seesAll } = useAccountRole()
  const [scope, setScope] = useState<ReminderScope>(seesAll && user?.staffId != null ? 'mine' : undefined)
  return { scope, switcher: seesAll ? <ReminderScopeSwitch value={scope} onChange={setScope} /> : null }
}

function ReminderScopeSwitch({
  value,
  onChange,
}: {
  value: ReminderScope
  onChange: (scope: ReminderScope) => void
}): React.JSX.Element {
  const staff = useStaffOptions()
  const { user } = useAccountRole()
  return (
    <Space size={6}>
      <Segmented<'mine' | 'all' | ''>
        aria-label="谁的提醒"
        value={typeof value === 'number' ? '' : (value ?? 'all')}
        onChange={(next) => {
          if (next !== '') onChange(next === 'all' ? undefined : next)
        }}
        options={[
          { value: 'mine', label: '我的', disabled: user?.staffId == null },
          { value: 'all', label: '全部' },
        ]}
      />
      <Select<number>
        allowClear
        aria-label="某业务员的提醒"
        placeholder="某业务员"
        style={{ width: 130 }}
        value={typeof value === 'number' ? value : undefined}
        loading={staff.load.loading}
        options={staff.options}
        onChange={(id) => onChange(id ?? undefined)}
      />
    </Space>
  )
}
