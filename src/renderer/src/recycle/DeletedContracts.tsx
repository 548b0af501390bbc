import { UndoOutlined } from '@ant-design/icons'
import { App, Button, Popconfirm, Space, Table, Typography } from 'antd'
import type { ColumnsType } from 'antd/es/table/interface'
import { useState } from 'react'
import type { Contract } from '../../../shared/salesContract'
import { useCan } from '../accounts/session'
import { QuickSearch } from '../activity/ListFilters'
import { formatAmount } from '../activity/activityHelpers'
import { call, errorMessage } from '../api/client'
import { Loaded } from '../api/LoadFailed'
import { useLiveRefresh } from '../api/liveUpdates'
import { useQuery } from '../api/useQuery'
import '../contracts/contracts.css'

const pageSize = 50

/**
 * The 回收站's 合同 tab: the deleted contracts the user sees, newest deleted first, each
 * with 恢复 and, for a user who may (管理员), 彻底删除 after saying what goes with it.
 */
export function DeletedContracts(): React.JSX.Element {
  const { message } = App.useApp()
  const canPurge = useCan('purge')
  const [quick, setQuick] = useState('')
  const [page, setPage] = useState(1)
  const [busy, setBusy] = useState<number | null>(null)
  const list = useQuery('contracts.list', {
    deleted: true,
    quick,
    startRow: (page - 1) * pageSize,
    endRow: page * pageSize,
  })
  useLiveRefresh(['records'], list.reload)
  const { data, loading } = list

  const act = async (row: Contract, channel: 'contracts.restore' | 'contracts.purge'): Promise<void> => {
    setBusy(row.id)
    try {
      await call(channel, { id: row.id })
      message.success(
        channel === 'contracts.restore'
          ? `已恢复合同 ${row.contractNo}，它的回款计划和回款记录也都回来了`
          : `已彻底删除合同 ${row.contractNo}`,
      )
      list.reload()
    } catch (error) {
      message.error(errorMessage(error))
    } finally {
      setBusy(null)
    }
  }

  const columns: ColumnsType<Contract> = [
    {
      title: '合同编号',
      dataIndex: 'contractNo',
      width: 124,
      render: (v: string) => <span className="kq-contract-no">{v}</span>,
    },
    { title: '名称', dataIndex: 'name', render: (v: string) => <Typography.Text strong>{v}</Typography.Text> },
    { title: '客户', dataIndex: 'customerName' },
    { title: '金额', dataIndex: 'amount', width: 116, align: 'right', render: formatAmount },
    { title: '已收', dataIndex: 'receivedAmount', width: 104, align: 'right', render: formatAmount },
    {
      title: '删除时间',
      dataIndex: 'deletedAt',
      width: 150,
      render: (v: string | null, row) => (
        <>
          {v?.slice(0, 16)}
          {row.updatedByName && (
            <Typography.Text type="secondary" className="kq-recycle-deleted-by">
              {row.updatedByName} 删除
            </Typography.Text>
          )}
        </>
      ),
    },
    {
      title: '操作',
      key: 'actions',
      width: canPurge ? 190 : 90,
      render: (_, row) => (
        <Space size={4}>
          <Button
            size="small"
            icon={<UndoOutlined />}
            loading={busy === row.id}
            disabled={busy !== null && busy !== row.id}
            onClick={() => void act(row, 'contracts.restore')}
          >
            恢复
          </Button>
          {canPurge && (
            <Popconfirm
              title={`彻底删除合同 ${row.contractNo}？`}
              description="连同它的合同明细、回款计划和回款记录一起删除，不能恢复。"
              okText="彻底删除"
              okButtonProps={{ danger: true }}
              cancelText="取消"
              onConfirm={() => act(row, 'contracts.purge')}
            >
              <Button size="small" danger disabled={busy !== null}>
                彻底删除
              </Button>
            </Popconfirm>
          )}
        </Space>
      ),
    },
  ]

  const total = data?.total ?? 0
  return (
    <div>
      <div className="kq-list-filters">
        <QuickSearch
          label="搜索回收站中的合同"
          placeholder="客户名称、合同编号、合同名称"
          width={300}
          onSearch={(text) => {
            setQuick(text)
            setPage(1)
          }}
        />
        <Typography.Text type="secondary">
          共 {total} 份已删除的合同；恢复后回到合同列表，回款提醒也随之恢复
        </Typography.Text>
      </div>
      <Loaded query={list} what="回收站中的合同">
        <Table<Contract>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={data?.rows ?? []}
          loading={loading}
          locale={{ emptyText: quick ? '没有符合搜索的已删除合同' : '回收站中没有合同' }}
          pagination={{
            current: page,
            pageSize,
            total,
            showSizeChanger: false,
            hideOnSinglePage: true,
            onChange: setPage,
          }}
        />
      </Loaded>
    </div>
  )
}
