import { App, Modal, Select, Typography } from 'antd'
import { useEffect, useRef, useState } from 'react'
import { roleLabels } from '../../../shared/accounts'
import { call, errorMessage } from '../api/client'
import { useQuery } from '../api/useQuery'
import { useAccountRole, useCan } from './session'

/** What a row's buttons need: one object for the sheet's lifetime (AG Grid keeps the context it was given). */
export interface RowOwnershipActions {
  myStaffId: number | null
  canTransfer: boolean
  claim: (ids: number[]) => void
  release: (ids: number[]) => void
  transfer: (ids: number[]) => void
}

export interface OwnershipActions {
  /** Accounts are on: the sheet offers 领取 / 放回公海 (and 转交 with the permission). */
  offered: boolean
  /** The signed-in user's 业务员: their own rows are those with this 负责业务员. */
  myStaffId: number | null
  canTransfer: boolean
  claim: (ids: number[]) => Promise<void>
  release: (ids: number[]) => Promise<void>
  transfer: (ids: number[]) => void
  /** The 转交 dialog, to be rendered once by the screen. */
  dialog: React.ReactNode
  forRows: RowOwnershipActions
}

/** 领取 from the 公海, 放回公海 and 转交 of some customers, for a row or the selection. */
export function useOwnershipActions(onDone: () => void): OwnershipActions {
  const { message } = App.useApp()
  const { accounts, user } = useAccountRole()
  const canTransfer = useCan('handover')
  const [transferring, setTransferring] = useState<number[] | null>(null)

  const move = async (channel: 'ownership.claim' | 'ownership.release', ids: number[], done: string): Promise<void> => {
    try {
      const { count } = await call(channel, { customerIds: ids })
      message.success(`${done} ${count} 个客户`)
      onDone()
    } catch (error) {
      // Over the 客户上限, someone else claimed it first…: the core says which.
      message.error(errorMessage(error))
    }
  }

  const actions: Omit<OwnershipActions, 'forRows'> = {
    offered: accounts,
    myStaffId: user?.staffId ?? null,
    canTransfer: accounts && canTransfer,
    claim: (ids) => move('ownership.claim', ids, '已领取'),
    release: (ids) => move('ownership.release', ids, '已放回公海'),
    transfer: setTransferring,
    dialog: transferring && (
      <TransferDialog
        ids={transferring}
        onClose={() => setTransferring(null)}
        onDone={() => {
          setTransferring(null)
          onDone()
        }}
      />
    ),
  }
  // The rows call the latest actions (their onDone refreshes the grid as it is now).
  const latest = useRef(actions)
  useEffect(() => {
    latest.current = actions
  })
  const [forRows] = useState<RowOwnershipActions>(() => ({
    myStaffId: actions.myStaffId,
    canTransfer: actions.canTransfer,
    claim: (ids) => void latest.current.claim(ids),
    release: (ids) => void latest.current.release(ids),
    transfer: (ids) => latest.current.transfer(ids),
  }))
  return { ...actions, forRows }
}

function TransferDialog({
  ids,
  onClose,
  onDone,
}: {
  ids: number[]
  onClose: () => void
  onDone: () => void
}): React.JSX.Element {
  const { message } = App.useApp()
  const users = useQuery('users.list', {})
  const [to, setTo] = useState<number>()
  const [busy, setBusy] = useState(false)
  const targets = (users.data ?? []).filter((u) => u.enabled && u.staffId !== null)

  const run = async (): Promise<void> => {
    if (to === undefined) return
    setBusy(true)
    try {
      const { count } = await call('ownership.transfer', { customerIds: ids, toUserId: to })
      message.success(`已转交 ${count} 个客户`)
      onDone()
    } catch (error) {
      message.error(errorMessage(error))
    } finally {
      setBusy(false)
    }
  }

  return (
    <Modal
      open
      title={`转交 ${ids.length} 个客户`}
      okText="转交"
      cancelText="取消"
      okButtonProps={{ disabled: to === undefined }}
      confirmLoading={busy}
      onOk={() => void run()}
      onCancel={onClose}
      destroyOnHidden
      width={440}
    >
      <Typography.Paragraph type="secondary">
        转交后，客户的负责业务员改为接手的人，变更记录中留有记录。
      </Typography.Paragraph>
      {users.error !== undefined && <Typography.Text type="danger">用户名单加载失败：{users.error}</Typography.Text>}
      <Select<number>
        style={{ width: '100%' }}
        aria-label="转交给"
        placeholder="选择接手的用户"
        loading={users.loading}
        value={to}
        onChange={setTo}
        options={targets.map((u) => ({
          value: u.id,
          label: `${u.name}（${roleLabels[u.role]}，${u.staffName ?? ''}）`,
        }))}
      />
    </Modal>
  )
}
