import { DownOutlined } from '@ant-design/icons'
import { App, Button, Dropdown, Space } from 'antd'
import { useState } from 'react'
import type { Reminder } from '../../../shared/reminder'
import { call, errorMessage } from '../api/client'
import { GreetingDialog } from '../greetings/GreetingDialog'
import { CompleteReminderDialog } from './CompleteReminderDialog'
import { SnoozeDialog } from './SnoozeDialog'

/** 完成 / 推迟 / 忽略 of one reminder; a festival greeting also offers the greeting list. */
export function ReminderActions({
  reminder,
  onChanged,
}: {
  reminder: Reminder
  onChanged: () => void
}): React.JSX.Element {
  const { message } = App.useApp()
  const [dialog, setDialog] = useState<'complete' | 'snooze' | 'greet' | null>(null)
  const done = (): void => {
    setDialog(null)
    onChanged()
  }
  const snooze = async (days: 1 | 7): Promise<void> => {
    try {
      await call('reminders.snooze', { id: reminder.id, days })
      message.success(days === 1 ? '已推迟 1 天' : '已推迟 1 周')
      onChanged()
    } catch (error) {
      message.error(errorMessage(error))
    }
  }
  const ignore = async (): Promise<void> => {
    try {
      await call('reminders.ignore', { id: reminder.id })
      message.success('已忽略')
      onChanged()
    } catch (error) {
      message.error(errorMessage(error))
    }
  }
  const open = reminder.status === 'pending' || reminder.status === 'snoozed'
  if (!open) return <span />
  return (
    <Space size={4}>
      {reminder.kind === 'festival' && (
        <Button size="small" onClick={() => setDialog('greet')}>
          群发问候
        </Button>
      )}
      <Button size="small" type="primary" onClick={() => setDialog('complete')}>
        完成
      </Button>
      <Dropdown
        menu={{
          items: [
            { key: '1', label: '推迟 1 天' },
            { key: '7', label: '推迟 1 周' },
            { key: 'date', label: '推迟到指定日期…' },
          ],
          onClick: ({ key }) => (key === 'date' ? setDialog('snooze') : void snooze(key === '1' ? 1 : 7)),
        }}
      >
        <Button size="small">
          推迟 <DownOutlined />
        </Button>
      </Dropdown>
      <Button size="small" type="text" onClick={() => void ignore()}>
        忽略
      </Button>
      {dialog === 'complete' && (
        <CompleteReminderDialog reminder={reminder} onClose={() => setDialog(null)} onDone={done} />
      )}
      {dialog === 'snooze' && <SnoozeDialog id={reminder.id} onClose={() => setDialog(null)} onDone={done} />}
      {dialog === 'greet' && (
        <GreetingDialog
          source={{ source: 'festival' }}
          title={`${reminder.reason.split('（')[0] ?? '节日'}问候：重要客户`}
          subject={`${reminder.reason.split('（')[0] ?? ''}快乐`}
          onClose={() => setDialog(null)}
        />
      )}
    </Space>
  )
}
