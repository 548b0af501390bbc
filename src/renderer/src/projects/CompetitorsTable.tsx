import { Rate, Tag, Typography } from 'antd'
import { RecordTable } from '../activity/RecordTable'
import { customerColumn, useRecordList } from '../activity/useRecordList'
import type { ColumnsType } from 'antd/es/table'
import type { Competitor, CompetitorKind } from '../../../shared/competitor'
import { CompetitorForm } from './CompetitorForm'
import type { CustomerOption } from './CustomerPicker'
import './projects.css'

const dash = <span className="kq-card-empty">—</span>
/** The width the 客户 column gets at least (it takes whatever room is left). */
const customerWidth = 124
const text = (v: string | null) => v ?? dash

export interface CompetitorFilters {
  kinds?: CompetitorKind[]
  quick?: string
}

/** 竞争对手/供应商: one customer's on its page, or all of them with the screen's filters. */
export function CompetitorsTable(props: { customer?: CustomerOption; filters?: CompetitorFilters }): React.JSX.Element {
  const { customer, filters } = props
  const list = useRecordList(
    'competitors',
    { ...(customer ? { customerId: customer.value } : {}), ...filters },
    {
      what: '竞争对手',
      confirmTitle: (row) => `删除「${row.name}」？`,
      deleted: (row) => `已删除「${row.name}」`,
      fixedActions: true,
    },
  )

  const columns: ColumnsType<Competitor> = [
    ...customerColumn<Competitor>(!customer),
    {
      title: '名称',
      dataIndex: 'name',
      width: 76,
      render: (v: string) => <Typography.Text strong>{v}</Typography.Text>,
    },
    {
      title: '类型',
      dataIndex: 'kind',
      width: 80,
      render: (v: CompetitorKind) => <Tag color={v === '竞争对手' ? 'volcano' : 'cyan'}>{v}</Tag>,
    },
    { title: '产品', dataIndex: 'products', width: 96, render: text },
    { title: '销量', dataIndex: 'volume', width: 84, render: text },
    { title: '价格', dataIndex: 'price', width: 84, render: text },
    {
      title: '业务代表',
      dataIndex: 'repName',
      width: 92,
      render: (v: string | null, row) =>
        v ? (
          <span>
            {v}
            {row.repRelation && <Typography.Text type="secondary">（{row.repRelation}）</Typography.Text>}
          </span>
        ) : (
          dash
        ),
    },
    {
      title: '客户满意度',
      dataIndex: 'satisfaction',
      width: 92,
      render: (v: number | null) => (v === null ? dash : <Rate className="kq-compact-rate" disabled value={v} />),
    },
    {
      title: '我司份额',
      dataIndex: 'ourShare',
      width: 80,
      align: 'right',
      render: (v: number | null) => (v === null ? dash : `${v}%`),
    },
    { title: '优势', dataIndex: 'strengths', width: 92, render: text },
    { title: '劣势', dataIndex: 'weaknesses', width: 92, render: text },
    { title: '策略动向', dataIndex: 'strategy', width: 92, render: text },
    list.actionsColumn,
  ]

  // Long texts wrap in their columns; what still does not fit (12 columns on a 1280 px screen)
  // scrolls sideways within the table, whose body keeps to the window so that scroll bar is in
  // view rather than under the 20th row.
  const width = columns.reduce((sum, c) => sum + (typeof c.width === 'number' ? c.width : customerWidth), 0)
  return (
    <RecordTable<Competitor>
      {...list.table}
      scroll={customer ? { x: width } : { x: width, y: 'max(240px, calc(100vh - 342px))' }}
      count={`共 ${list.total} 条`}
      addLabel="登记竞争对手"
      columns={columns}
      emptyText={customer ? '尚无竞争对手或供应商信息' : '没有符合条件的记录'}
    >
      {list.editing !== null && (
        <CompetitorForm
          customer={customer}
          record={list.editing.record}
          onClose={list.closeForm}
          onSaved={list.saved}
        />
      )}
    </RecordTable>
  )
}
