import { Table, Typography } from 'antd'
import { RecordTable } from './RecordTable'
import { useRecordList } from './useRecordList'
import type { ColumnsType } from 'antd/es/table'
import type { Sale } from '../../../shared/sale'
import './activity.css'
import { formatAmount } from './activityHelpers'
import { SaleForm } from './SaleForm'
import { ExportListButton } from '../excel/ExportListButton'

const dash = <span className="kq-card-empty">—</span>
const number = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 4 })

/** 交易记录 of one customer, newest first, with a 合计 row and 登记 / 修改 / 删除. */
export function SalesTable(props: { customerId: number; onChanged: () => void }): React.JSX.Element {
  const { customerId, onChanged } = props
  const list = useRecordList(
    'sales',
    { customerId },
    {
      what: '交易记录',
      confirmTitle: () => '删除这条交易记录？',
      confirmDescription: '交易次数和交易金额会随之更新。',
      deleted: () => '已删除交易记录',
      onChanged,
    },
  )
  const { total } = list

  const columns: ColumnsType<Sale> = [
    { title: '日期', dataIndex: 'date', width: 110 },
    { title: '产品', dataIndex: 'productLabel', render: (v: string | null) => v ?? dash },
    { title: '产品类别', dataIndex: 'productGroup', width: 120, render: (v: string | null) => v ?? dash },
    {
      title: '数量',
      dataIndex: 'quantity',
      width: 90,
      align: 'right',
      render: (v: number | null) => (v === null ? dash : number.format(v)),
    },
    {
      title: '单价',
      dataIndex: 'unitPrice',
      width: 120,
      align: 'right',
      render: (v: number | null) => (v === null ? dash : formatAmount(v)),
    },
    { title: '金额', dataIndex: 'amount', width: 140, align: 'right', render: (v: number) => formatAmount(v) },
    {
      title: '合同',
      dataIndex: 'contractNo',
      width: 130,
      render: (v: string | null, r: Sale) =>
        v === null || r.contractId === null ? (
          dash
        ) : (
          <a href={`#/contracts/${r.contractId}`} onClick={(event) => event.stopPropagation()}>
            {v}
          </a>
        ),
    },
    { title: '备注', dataIndex: 'remarks', render: (v: string | null) => v ?? dash },
    list.actionsColumn,
  ]

  return (
    <RecordTable<Sale>
      {...list.table}
      count={`共 ${total} 笔交易`}
      tools={
        <ExportListButton
          what="交易记录"
          disabled={total === 0}
          request={() => ({ kind: 'sales', customerId: props.customerId })}
        />
      }
      addLabel="登记交易"
      columns={columns}
      emptyText="尚无交易记录"
      summary={() =>
        total > 0 ? (
          <Table.Summary.Row className="kq-sales-summary">
            <Table.Summary.Cell index={0}>
              <Typography.Text strong>合计</Typography.Text>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={1} colSpan={4}>
              共 {total} 笔
            </Table.Summary.Cell>
            <Table.Summary.Cell index={5} align="right">
              <Typography.Text strong>{formatAmount(list.data?.totalAmount ?? 0)}</Typography.Text>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={6} colSpan={3} />
          </Table.Summary.Row>
        ) : undefined
      }
    >
      <SaleForm
        open={list.editing !== null}
        customerId={customerId}
        record={list.editing?.record}
        onClose={list.closeForm}
        onSaved={list.saved}
      />
    </RecordTable>
  )
}
