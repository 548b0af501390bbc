import { PlusOutlined } from '@ant-design/icons'
import { Button, Checkbox, Space, Table, Typography } from 'antd'
import type { ColumnsType, SorterResult } from 'antd/es/table/interface'
import { useState } from 'react'
import {
  contractStatuses,
  type Contract,
  type ContractSortKey,
  type ContractStatus,
} from '../../../shared/salesContract'
import { Loaded } from '../api/LoadFailed'
import { useLiveRefresh } from '../api/liveUpdates'
import { useQuery } from '../api/useQuery'
import { formatAmount, useDictOptions } from '../activity/activityHelpers'
import { DateRangeFilter, MultiFilter, QuickSearch, wordOptions } from '../activity/ListFilters'
import { navigate } from '../app/navigate'
import { ExportListButton } from '../excel/ExportListButton'
import type { CustomerOption } from '../projects/CustomerPicker'
import '../activity/activity.css'
import '../projects/projects.css'
import { ContractForm } from './ContractForm'
import { ContractStatusTag } from './ContractStatusTag'
import './contracts.css'

const pageSize = 50
const dash = <span className="kq-card-empty">—</span>

interface Filters {
  statuses: ContractStatus[]
  signedFrom: string | null
  signedTo: string | null
  staffIds: number[]
  owedOnly: boolean
  quick: string
}

const noFilters: Filters = { statuses: [], signedFrom: null, signedTo: null, staffIds: [], owedOnly: false, quick: '' }

/** The table's sortable columns, by the contract's sort keys. */
const sortable: Partial<Record<string, ContractSortKey>> = {
  contractNo: 'contractNo',
  signedOn: 'signedOn',
  endOn: 'endOn',
  amount: 'amount',
  receivable: 'receivable',
}

const money = (v: number) => formatAmount(v)

/**
 * 合同: every contract the user sees, or one customer's (on its page), filtered, sorted and
 * paged by the core, with the sums of all that match; a row opens its contract.
 */
export function ContractsList(props: { customer?: CustomerOption; onChanged?: () => void }): React.JSX.Element {
  const { customer } = props
  const [filters, setFilters] = useState<Filters>(noFilters)
  const [sort, setSort] = useState<{ sortBy: ContractSortKey; sortOrder: 'asc' | 'desc' }>({
    sortBy: 'updatedAt',
    sortOrder: 'desc',
  })
  const [page, setPage] = useState(1)
  const [adding, setAdding] = useState(false)
  const staff = useDictOptions('staff')
  const scope = customer ? { customerId: customer.value } : {}
  const list = useQuery('contracts.list', {
    ...scope,
    ...filters,
    ...sort,
    startRow: (page - 1) * pageSize,
    endRow: page * pageSize,
  })
  useLiveRefresh(['records'], list.reload, { customerId: customer?.value })
  const { data, loading } = list
  const total = data?.total ?? 0
  const filter = (changes: Partial<Filters>): void => {
    setFilters({ ...filters, ...changes })
    setPage(1)
  }
  const order = (key: ContractSortKey) =>
    sort.sortBy === key ? (sort.sortOrder === 'asc' ? ('ascend' as const) : ('descend' as const)) : null
  const sorted = (key: ContractSortKey) => ({ key, sorter: true, sortOrder: order(key) })
  const filtered = JSON.stringify(filters) !== JSON.stringify(noFilters)

  const columns: ColumnsType<Contract> = [
    {
      title: '合同编号',
      dataIndex: 'contractNo',
      width: 124,
      ...sorted('contractNo'),
      render: (v: string) => <span className="kq-contract-no">{v}</span>,
    },
    {
      title: '名称',
      dataIndex: 'name',
      render: (v: string) => (
        <Typography.Text strong className="kq-contract-name">
          {v}
        </Typography.Text>
      ),
    },
    ...(customer
      ? []
      : [
          {
            title: '客户',
            dataIndex: 'customerName',
            render: (v: string, row: Contract) => (
              <a href={`#/customers/${row.customerId}`} onClick={(event) => event.stopPropagation()}>
                {v}
              </a>
            ),
          },
        ]),
    { title: '签订日期', dataIndex: 'signedOn', width: 100, ...sorted('signedOn'), render: (v) => v ?? dash },
    {
      title: '起止',
      dataIndex: 'endOn',
      width: 104,
      ...sorted('endOn'),
      render: (_, row) =>
        row.startOn || row.endOn ? (
          <span className="kq-contract-period">
            {row.startOn ?? '—'} 至<br />
            {row.endOn ?? '—'}
          </span>
        ) : (
          dash
        ),
    },
    { title: '金额', dataIndex: 'amount', width: 116, align: 'right', ...sorted('amount'), render: money },
    { title: '已收', dataIndex: 'receivedAmount', width: 104, align: 'right', render: money },
    {
      title: '应收',
      dataIndex: 'receivable',
      width: 112,
      align: 'right',
      ...sorted('receivable'),
      render: (v: number) => (v > 0 ? <Typography.Text type="danger">{money(v)}</Typography.Text> : money(v)),
    },
    {
      title: '状态',
      dataIndex: 'status',
      width: 68,
      render: (v: ContractStatus) => <ContractStatusTag status={v} />,
    },
    { title: '业务员', dataIndex: 'staffLabel', width: 68, render: (v: string | null) => v ?? dash },
  ]
  return (
    <div>
      <Loaded query={staff.load} compact what="业务员的选项" />
      <div className="kq-list-filters">
        <MultiFilter<ContractStatus>
          label="合同状态"
          placeholder="全部状态"
          width={150}
          value={filters.statuses}
          onChange={(statuses) => filter({ statuses })}
          options={wordOptions(contractStatuses)}
        />
        <DateRangeFilter
          label="签订日期"
          placeholder={['签订开始日期', '签订结束日期']}
          onChange={({ dateFrom, dateTo }) => filter({ signedFrom: dateFrom, signedTo: dateTo })}
        />
        <MultiFilter<number>
          label="业务员"
          placeholder="全部业务员"
          width={140}
          value={filters.staffIds}
          onChange={(staffIds) => filter({ staffIds })}
          options={staff.options}
          searchable
        />
        <Checkbox checked={filters.owedOnly} onChange={(event) => filter({ owedOnly: event.target.checked })}>
          只看有应收
        </Checkbox>
        <QuickSearch
          label="搜索合同"
          placeholder={customer ? '合同编号、合同名称' : '客户名称、合同编号、合同名称'}
          width={customer ? 230 : 260}
          onSearch={(quick) => filter({ quick })}
        />
      </div>
      <div className="kq-activity-toolbar">
        <Space wrap size={[16, 4]} className="kq-contract-totals" aria-label="合同合计">
          <Typography.Text type="secondary">共 {total} 份合同</Typography.Text>
          <span>合计金额 ¥{money(data?.totalAmount ?? 0)}</span>
          <span>已收 ¥{money(data?.totalReceived ?? 0)}</span>
          <span>
            应收 <Typography.Text type="danger">¥{money(data?.totalReceivable ?? 0)}</Typography.Text>
          </span>
        </Space>
        <Space>
          <ExportListButton
            what="合同"
            disabled={total === 0}
            request={() => ({
              kind: 'contracts',
              ...scope,
              statuses: filters.statuses,
              ...(filters.signedFrom ? { signedFrom: filters.signedFrom } : {}),
              ...(filters.signedTo ? { signedTo: filters.signedTo } : {}),
              staffIds: filters.staffIds,
              owedOnly: filters.owedOnly,
              quick: filters.quick,
            })}
          />
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            新建合同
          </Button>
        </Space>
      </div>
      <Loaded query={list}>
        <Table<Contract>
          className="kq-clickable-rows"
          rowKey="id"
          size="small"
          bordered
          loading={loading}
          dataSource={data?.rows ?? []}
          columns={columns}
          locale={{
            emptyText: filtered
              ? '没有符合条件的合同'
              : customer
                ? '尚无合同，可点击「新建合同」登记'
                : '尚无合同，可点击「新建合同」登记，或在客户页面的「合同」中新建',
          }}
          // No horizontal scroll: names wrap, so 状态 and 业务员 stay in view at 1280 px.
          onRow={(row) => ({ onClick: () => navigate(`/contracts/${row.id}`) })}
          onChange={(_pagination, _filters, sorter) => {
            const one = (Array.isArray(sorter) ? sorter[0] : sorter) as SorterResult<Contract> | undefined
            const key = one?.order ? sortable[String(one.columnKey)] : undefined
            setSort(
              key
                ? { sortBy: key, sortOrder: one?.order === 'ascend' ? 'asc' : 'desc' }
                : { sortBy: 'updatedAt', sortOrder: 'desc' },
            )
            setPage(1)
          }}
          pagination={
            total > pageSize
              ? { current: page, pageSize, total, showSizeChanger: false, onChange: (p) => setPage(p) }
              : false
          }
        />
      </Loaded>
      {adding && (
        <ContractForm
          customer={customer}
          record={undefined}
          onClose={() => setAdding(false)}
          onSaved={(saved) => {
            setAdding(false)
            props.onChanged?.()
            navigate(`/contracts/${saved.id}`)
          }}
        />
      )}
    </div>
  )
}
