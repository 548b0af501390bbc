import { Table, Tag, Typography } from 'antd'
import type { ColumnsType } from 'antd/es/table'
import { useState } from 'react'
import type { Interaction } from '../../../shared/interaction'
import { navigate } from '../app/navigate'
import { Loaded } from '../api/LoadFailed'
import { combinedLoad, useQuery } from '../api/useQuery'
import '../projects/projects.css'
import { useDictOptions } from './activityHelpers'
import { DateRangeFilter, MultiFilter, QuickSearch } from './ListFilters'

const pageSize = 50
const dash = <span className="kq-card-empty">—</span>

interface Filters {
  dateFrom: string | null
  dateTo: string | null
  typeIds: number[]
  staffIds: number[]
  quick: string
}

// Widths for every column but 内容, which takes the rest: names and texts wrap within them, so the
// nine columns fit a 1280 px window; narrower than `minTableWidth`, the table scrolls sideways.
const columns: ColumnsType<Interaction> = [
  { title: '时间', dataIndex: 'occurredAt', width: 136 },
  {
    title: '客户',
    dataIndex: 'customerName',
    width: 170,
    render: (v: string) => <Typography.Link>{v}</Typography.Link>,
  },
  { title: '联系人', dataIndex: 'contactName', width: 76, render: (v: string | null) => v ?? dash },
  { title: '交往方式', dataIndex: 'typeLabel', width: 84, render: (v: string) => <Tag color="blue">{v}</Tag> },
  { title: '主题', dataIndex: 'subject', width: 110, render: (v: string | null) => v ?? dash },
  { title: '内容', dataIndex: 'content', render: (v: string | null) => v ?? dash },
  { title: '结果', dataIndex: 'result', width: 120, render: (v: string | null) => v ?? dash },
  { title: '下次跟进', dataIndex: 'nextFollowUp', width: 100, render: (v: string | null) => v ?? dash },
  { title: '业务员', dataIndex: 'staffLabel', width: 72, render: (v: string | null) => v ?? dash },
]
const minTableWidth = 1000

/** 交往记录: every customer's, newest first, filtered by date, 交往方式, 业务员 and text; a row opens its customer. */
export function InteractionsScreen(): React.JSX.Element {
  const [filters, setFilters] = useState<Filters>({
    dateFrom: null,
    dateTo: null,
    typeIds: [],
    staffIds: [],
    quick: '',
  })
  const [page, setPage] = useState(1)
  const types = useDictOptions('interactionType')
  const staff = useDictOptions('staff')
  const list = useQuery('interactions.list', {
    ...filters,
    startRow: (page - 1) * pageSize,
    endRow: page * pageSize,
  })
  const { data, loading } = list
  const total = data?.total ?? 0
  const filter = (changes: Partial<Filters>): void => {
    setFilters({ ...filters, ...changes })
    setPage(1)
  }

  return (
    <div>
      <Loaded query={combinedLoad(types.load, staff.load)} compact what="交往方式和业务员的选项" />
      <div className="kq-list-filters">
        <DateRangeFilter label="交往日期" placeholder={['开始日期', '结束日期']} onChange={filter} />
        <MultiFilter<number>
          label="交往方式"
          placeholder="全部交往方式"
          width={200}
          value={filters.typeIds}
          onChange={(typeIds) => filter({ typeIds })}
          options={types.options}
          searchable
        />
        <MultiFilter<number>
          label="业务员"
          placeholder="全部业务员"
          width={180}
          value={filters.staffIds}
          onChange={(staffIds) => filter({ staffIds })}
          options={staff.options}
          searchable
        />
        <QuickSearch
          label="搜索交往记录"
          placeholder="主题、内容"
          width={260}
          onSearch={(quick) => filter({ quick })}
        />
        <Typography.Text type="secondary">共 {total} 条</Typography.Text>
      </div>
      <Loaded query={list}>
        <Table<Interaction>
          className="kq-clickable-rows"
          rowKey="id"
          size="small"
          bordered
          loading={loading}
          dataSource={data?.rows ?? []}
          columns={columns}
          locale={{ emptyText: '没有符合条件的交往记录' }}
          tableLayout="fixed"
          scroll={{ x: minTableWidth }}
          onRow={(row) => ({ onClick: () => navigate(`/customers/${row.customerId}`) })}
          pagination={
            total > pageSize
              ? { current: page, pageSize, total, showSizeChanger: false, onChange: (p) => setPage(p) }
              : false
          }
        />
      </Loaded>
    </div>
  )
}
