import { Table } from 'antd'
import type { CustomerChange } from '../../../../shared/customer'
import { Loaded } from '../../api/LoadFailed'
import { useQuery } from '../../api/useQuery'

const dash = <span className="kq-card-empty">—</span>

/** 变更记录 (docs/product-rules.md#change-history): the customer's field changes, newest first as the core returns them. */
export function HistoryTab({ id }: { id: number }): React.JSX.Element {
  const history = useQuery('customers.history', { id })
  const { data, loading } = history
  return (
    <Loaded query={history}>
      <Table<CustomerChange>
        rowKey="id"
        size="small"
        bordered
        loading={loading}
        dataSource={data}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
        locale={{ emptyText: '暂无变更记录' }}
        columns={[
          { title: '时间', dataIndex: 'changedAt', width: 170 },
          { title: '项目', dataIndex: 'label', width: 220 },
          { title: '原值', dataIndex: 'oldValue', render: (v: string | null) => v ?? dash },
          { title: '新值', dataIndex: 'newValue', render: (v: string | null) => v ?? dash },
        ]}
      />
    </Loaded>
  )
}
