import { Space, Tag, Typography } from 'antd'
import { RecordTable } from '../activity/RecordTable'
import { useRecordList } from '../activity/useRecordList'
import type { ColumnsType, SorterResult } from 'antd/es/table/interface'
import { useState } from 'react'
import type { ProjectStage } from '../../../shared/grading/dealHeat'
import type { Project, ProjectSortKey } from '../../../shared/project'
import { formatAmount } from '../activity/activityHelpers'
import type { CustomerOption } from './CustomerPicker'
import { heatConditions, HeatTag } from './HeatTag'
import { ProjectForm } from './ProjectForm'
import './projects.css'

const dash = <span className="kq-card-empty">—</span>

const stageColors: Record<ProjectStage, string> = {
  信息收集: 'default',
  编写标书: 'blue',
  投标: 'geekblue',
  中标: 'orange',
  签约: 'green',
  失败: 'red',
}

export interface ProjectFilters {
  stages?: ProjectStage[]
  heatMin?: number | null
  heatMax?: number | null
  quick?: string
}

/** Columns the table lets the user sort by, mapped to the contract's sort keys. */
const sortable: Partial<Record<string, ProjectSortKey>> = {
  heat: 'heat',
  budget: 'budget',
  expectedDate: 'expectedDate',
}

const customerLink = (id: number, name: string) => (
  <a href={`#/customers/${id}`} onClick={(event) => event.stopPropagation()}>
    {name}
  </a>
)

/**
 * 项目 with their 成交热度: one customer's (as 甲方 or 乙方) on its page, or all of them
 * with the screen's filters. 新建 / 修改 / 删除 in place.
 */
export function ProjectsTable(props: {
  customer?: CustomerOption
  filters?: ProjectFilters
  onChanged?: () => void
}): React.JSX.Element {
  const { customer, filters, onChanged } = props
  const [sort, setSort] = useState<{ sortBy: ProjectSortKey; sortOrder: 'asc' | 'desc' }>({
    sortBy: customer ? 'updatedAt' : 'heat',
    sortOrder: 'desc',
  })
  const list = useRecordList(
    'projects',
    { ...(customer ? { customerId: customer.value } : {}), ...filters, ...sort },
    {
      what: '项目',
      confirmTitle: (project) => `删除项目「${project.name}」？`,
      deleted: (project) => `已删除项目「${project.name}」`,
      onChanged,
    },
  )
  const { total } = list

  const order = (key: ProjectSortKey) =>
    sort.sortBy === key ? (sort.sortOrder === 'asc' ? ('ascend' as const) : ('descend' as const)) : null

  const columns: ColumnsType<Project> = [
    { title: '项目名称', dataIndex: 'name', render: (v: string) => <Typography.Text strong>{v}</Typography.Text> },
    {
      title: '甲方',
      dataIndex: 'ownerName',
      render: (v: string, p) => (p.ownerCustomerId === customer?.value ? v : customerLink(p.ownerCustomerId, v)),
    },
    {
      title: '乙方',
      dataIndex: 'contractorName',
      render: (v: string | null, p) =>
        v === null || p.contractorCustomerId === null
          ? dash
          : p.contractorCustomerId === customer?.value
            ? v
            : customerLink(p.contractorCustomerId, v),
    },
    {
      title: '阶段',
      dataIndex: 'stage',
      width: 90,
      render: (v: ProjectStage) => <Tag color={stageColors[v]}>{v}</Tag>,
    },
    {
      title: '预算（元）',
      dataIndex: 'budget',
      key: 'budget',
      width: 116,
      align: 'right',
      sorter: true,
      sortOrder: order('budget'),
      render: (v: number | null) => (v === null ? dash : formatAmount(v)),
    },
    {
      title: '预计成交',
      dataIndex: 'expectedDate',
      key: 'expectedDate',
      width: 104,
      sorter: true,
      sortOrder: order('expectedDate'),
      render: (v: string | null) => v ?? dash,
    },
    {
      title: '成交热度',
      dataIndex: 'heat',
      key: 'heat',
      width: 300,
      sorter: true,
      sortOrder: order('heat'),
      render: (_, p) => (
        <Space size={4} align="start">
          <HeatTag heat={p.heat} reason={p.heatReason} />
          <Typography.Text type="secondary" className="kq-heat-reason">
            {heatConditions(p.heatReason)}
          </Typography.Text>
        </Space>
      ),
    },
    list.actionsColumn,
  ]

  return (
    <RecordTable<Project>
      {...list.table}
      count={`共 ${total} 个项目`}
      addLabel="新建项目"
      columns={columns}
      emptyText={customer ? '尚无项目，可点击「新建项目」登记' : '没有符合条件的项目'}
      // No horizontal scroll: names and the heat reason wrap, so 操作 stays in view on the customer page.
      scrollX={false}
      onChange={(_pagination, _filters, sorter) => {
        const one = (Array.isArray(sorter) ? sorter[0] : sorter) as SorterResult<Project> | undefined
        const key = one?.order ? sortable[String(one.columnKey)] : undefined
        setSort(
          key
            ? { sortBy: key, sortOrder: one?.order === 'ascend' ? 'asc' : 'desc' }
            : { sortBy: 'updatedAt', sortOrder: 'desc' },
        )
        list.setPage(1)
      }}
    >
      {/* Mounted per opening: the form keeps the chosen customers' 客情 levels in its own state. */}
      {list.editing !== null && (
        <ProjectForm
          open
          customer={customer}
          record={list.editing.record}
          onClose={list.closeForm}
          onSaved={list.saved}
        />
      )}
    </RecordTable>
  )
}
