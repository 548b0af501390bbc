import { Empty, Spin, Table, Tag, Typography } from 'antd'
import { useState } from 'react'
import { duplicateGroupKindLabels, type DuplicateGroup } from '../../../../shared/customerMerge'
import { Loaded } from '../../api/LoadFailed'
import { useQuery } from '../../api/useQuery'
import { DuplicateGroupCompare } from './DuplicateGroupCompare'

const groupKey = (g: DuplicateGroup): string => `${g.kind}|${g.key}`

/**
 * 查重合并: groups of likely duplicates (same normalised name, phone or e-mail);
 * for the chosen group, the fields side by side with a choice per differing
 * field, the customer to keep, and 合并 (one transaction in the core).
 */
export function DuplicateMergePanel(): React.JSX.Element {
  const groups = useQuery('customers.duplicateGroups', {})
  const [selected, setSelected] = useState<string | null>(null)
  const list = groups.data?.groups ?? []
  const group: DuplicateGroup | undefined = list.find((g) => groupKey(g) === selected) ?? list[0]

  if (groups.loading && !groups.data) return <Spin />
  if (groups.error !== undefined) return <Loaded query={groups} what="疑似重复的客户" />
  if (!groups.data || groups.data.groups.length === 0) {
    return <Empty description="没有发现重复的客户（按名称、电话、邮箱比对）" />
  }

  return (
    <div style={{ display: 'flex', gap: 16, alignItems: 'flex-start' }}>
      <div style={{ width: 300, flex: 'none' }}>
        <Typography.Text type="secondary">
          共 {groups.data.total} 组疑似重复
          {groups.data.total > groups.data.groups.length ? `，显示前 ${groups.data.groups.length} 组` : ''}
        </Typography.Text>
        <Table<DuplicateGroup>
          size="small"
          style={{ marginTop: 8 }}
          rowKey={groupKey}
          dataSource={groups.data.groups}
          pagination={{ pageSize: 12, showSizeChanger: false, size: 'small' }}
          rowClassName={(g) => (g === group ? 'ant-table-row-selected' : '')}
          onRow={(g) => ({ onClick: () => setSelected(groupKey(g)), style: { cursor: 'pointer' } })}
          columns={[
            { title: '原因', width: 90, render: (_, g) => <Tag>{duplicateGroupKindLabels[g.kind]}</Tag> },
            { title: '客户', render: (_, g) => g.members.map((m) => m.name).join('、') },
          ]}
        />
      </div>
      <div style={{ flex: 1, minWidth: 0 }}>
        {group && (
          <DuplicateGroupCompare
            key={groupKey(group)}
            group={group}
            onMerged={async () => {
              setSelected(null)
              await groups.reload()
            }}
          />
        )}
      </div>
    </div>
  )
}
