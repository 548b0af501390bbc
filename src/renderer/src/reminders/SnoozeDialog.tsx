import { App, DatePicker, Modal } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { useState } from 'react'
import { call, errorMessage } from '../api/client'

/** 推迟 to a date of the user's choosing (1 天 and 1 周 are one click in the menu). */
export function SnoozeDialog(props: { id: number; onClose: () => void; onDone: () => void }): React.JSX.Element {
  const [date, setDate] = useState<Dayjs | null>(dayjs().add(3, 'day'))
  const [saving, setSaving] = useState(false)
  const { message } = App.useApp()
  const save = async (): Promise<void> => {
    if (!date) return
    setSaving(true)
    try {
      await call('reminders.snooze', { id: props.id, until: date.format('YYYY-MM-DD') })
      message.success(`已推迟到 ${date.format('M月D日')}`)
      props.onDone()
    } catch (error) {
      message.error(errorMessage(error))
    } finally {
      setSaving(false)
    }
  }
  return (
    <Modal
      open
      title="推迟到"
      okText="推迟"
      cancelText="取消"
      width={360}
      confirmLoading={saving}
      okButtonProps={{ disabled: !date }}
      onOk={() => void save()}
      onCancel={props.onClose}
    >
      <DatePicker
        aria-label="推迟到的日期"
        value={date}
        onChange={setDate}
        disabledDate={(d) => !d.isAfter(dayjs(), 'day')}
        style={{ width: '100%' }}
      />
    </Modal>
  )
}
