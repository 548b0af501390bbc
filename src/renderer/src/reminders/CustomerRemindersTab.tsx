import { Segmented } from 'antd'
import { useState } from 'react'
import { Loaded } from '../api/LoadFailed'
import { useQuery } from '../api/useQuery'
import { useLiveRefresh } from '../api/liveUpdates'
import { ReminderTable } from './ReminderTable'
import './reminders.css'

const pageSize = 20

/** The 提醒 tab of a customer: what is open (due or upcoming), or everything it ever had. */
export function CustomerRemindersTab({ customerId }: { customerId: number }): React.JSX.Element {
  const [view, setView] = useState<'open' | 'all'>('open')
  const [page, setPage] = useState(1)
  const list = useQuery('reminders.list', {
    customerId,
    view,
    offset: (page - 1) * pageSize,
    limit: pageSize,
    withCounts: false,
  })
  useLiveRefresh(['reminders'], list.reload, { customerId })
  return (
    <div>
      <div className="kq-activity-toolbar">
        <Segmented<'open' | 'all'>
          aria-label="提醒范围"
          value={view}
          onChange={(value) => {
            setView(value)
            setPage(1)
          }}
          options={[
            { value: 'open', label: '待处理' },
            { value: 'all', label: '全部（含已完成、已忽略）' },
          ]}
        />
      </div>
      <Loaded query={list}>
        <ReminderTable
          rows={list.data?.rows ?? []}
          today={list.data?.today ?? ''}
          loading={list.loading}
          showCustomer={false}
          onChanged={() => void list.reload()}
          empty={view === 'open' ? '该客户暂无待处理的提醒' : '该客户还没有提醒'}
          page={{ current: page, pageSize, total: list.data?.total ?? 0, onChange: setPage }}
        />
      </Loaded>
    </div>
  )
}
