import { Alert, App, Modal, Select, Typography } from 'antd'
import { useState } from 'react'
import { roleLabels, type User } from '../../../shared/accounts'
import { call, errorMessage } from '../api/client'

/** The 公海 as a choice beside the users (toUserId null). */
const pool = 0

/** 离职交接: all of one user's customers and open reminders to another user, or back to the 公海, in one go. */
export function HandOverDialog({
  from,
  users,
  onClose,
  onDone,
}: {
  from: User
  users: User[]
  onClose: () => void
  onDone: () => void
}): React.JSX.Element {
  const { message } = App.useApp()
  const [to, setTo] = useState<number>()
  const [busy, setBusy] = useState(false)
  const targets = users.filter((u) => u.id !== from.id && u.enabled && u.staffId !== null)

  const run = async (): Promise<void> => {
    if (to === undefined) return
    setBusy(true)
    try {
      const moved = await call('ownership.handOverAll', { fromUserId: from.id, toUserId: to === pool ? null : to })
      message.success(`已转交 ${moved.customers} 个客户、${moved.reminders} 条提醒`)
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
      title={`离职交接：${from.name}`}
      okText="转交"
      cancelText="取消"
      okButtonProps={{ disabled: to === undefined }}
      confirmLoading={busy}
      onOk={() => void run()}
      onCancel={onClose}
      destroyOnHidden
      width={480}
    >
      <Typography.Paragraph>
        把「{from.name}」负责的全部 {from.ownedCustomers} 个客户和未完成的提醒一次转给：
      </Typography.Paragraph>
      <Select<number>
        style={{ width: '100%' }}
        aria-label="转交给"
        placeholder="选择接手的用户，或放回公海"
        value={to}
        onChange={setTo}
        options={[
          { value: pool, label: '公海（谁都可以领取）' },
          ...targets.map((u) => ({ value: u.id, label: `${u.name}（${roleLabels[u.role]}，${u.staffName ?? ''}）` })),
        ]}
      />
      {from.enabled && (
        <Alert type="info" showIcon style={{ marginTop: 12 }} title="交接后，如此人已离职，请在“编辑”中把账号停用。" />
      )}
    </Modal>
  )
}
