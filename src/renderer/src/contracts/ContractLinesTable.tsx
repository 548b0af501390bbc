import { Table, Typography } from 'antd'
import type { ColumnsType } from 'antd/es/table'
import type { ContractLine } from '../../../shared/salesContract'
import { formatAmount } from '../activity/activityHelpers'

const dash = <span className="kq-card-empty">—</span>
const number = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 4 })

const columns: ColumnsType<ContractLine> = [
  { title: '序号', dataIndex: 'lineNo', width: 64 },
  { title: '产品名称', dataIndex: 'name' },
  {
    title: '数量',
    dataIndex: 'quantity',
    width: 100,
    align: 'right',
    render: (v: number | null) => (v === null ? dash : number.format(v)),
  },
  {
    title: '单价',
    dataIndex: 'unitPrice',
    width: 130,
    align: 'right',
    render: (v: number | null) => (v === null ? dash : formatAmount(v)),
  },
  { title: '金额', dataIndex: 'amount', width: 140, align: 'right', render: (v: number) => formatAmount(v) },
]

/** 合同明细 of a contract with their 合计 (the contract's 金额). */
export function ContractLinesTable(props: { lines: ContractLine[]; amount: number }): React.JSX.Element {
  return (
    <Table<ContractLine>
      rowKey="lineNo"
      size="small"
      bordered
      columns={columns}
      dataSource={props.lines}
      pagination={false}
      locale={{ emptyText: '该合同没有填写明细，金额为整单金额' }}
      summary={() =>
        props.lines.length > 0 ? (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0} colSpan={4}>
              <Typography.Text strong>合计</Typography.Text>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={4} align="right">
              <Typography.Text strong>{formatAmount(props.amount)}</Typography.Text>
            </Table.Summary.Cell>
          </Table.Summary.Row>
        ) : undefined
      }
    />
  )
}
