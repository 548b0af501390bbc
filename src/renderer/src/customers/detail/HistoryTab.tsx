import { Alert, Table } from 'antd'
import type { CustomerChange } from '../../../../shared/customer'
import { useQuery } from '../../api/useQuery'

const dash = <span className="kq-card-empty">—</span>

/** 变更记录 (docs/product-rules.md#change-history): the customer's field changes, newest first as the core returns them. */
export function HistoryTab({ id }: { id: number }): React.JSX.Element {
  const { data, error, loading } = useQuery('customers.history', { id })
  return (
    <>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
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
    </>
  )
}
