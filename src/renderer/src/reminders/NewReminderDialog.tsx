import { App, DatePicker, Form, Input, Modal } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { useState } from 'react'
import { call, errorMessage } from '../api/client'

interface NewReminderValues {
  dueDate: Dayjs
  reason: string
}

/** 新建提醒 from the customer page: a day and what to do; it comes up on the 工作台 as a 计划跟进. */
export function NewReminderDialog({
  open,
  customerId,
  onClose,
  onSaved,
}: {
  open: boolean
  customerId: number
  onClose: () => void
  onSaved: () => void
}): React.JSX.Element {
  const { message } = App.useApp()
  const [form] = Form.useForm<NewReminderValues>()
  const [saving, setSaving] = useState(false)

  const save = async (values: NewReminderValues): Promise<void> => {
    setSaving(true)
    try {
      await call('reminders.create', {
        customerId,
        dueDate: values.dueDate.format('YYYY-MM-DD'),
        reason: values.reason,
      })
      message.success(`已新建提醒：${values.dueDate.format('YYYY-MM-DD')}`)
      form.resetFields()
      onSaved()
    } catch (error) {
      message.error(errorMessage(error))
    } finally {
      setSaving(false)
    }
  }

  return (
    <Modal
      open={open}
      title="新建提醒"
      okText="保存"
      cancelText="取消"
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      <Form<NewReminderValues>
        form={form}
        layout="vertical"
        initialValues={{ dueDate: dayjs().add(7, 'day') }}
        onFinish={(values) => void save(values)}
      >
        <Form.Item name="dueDate" label="提醒日期" rules={[{ required: true, message: '请选择提醒日期' }]}>
          <DatePicker aria-label="提醒日期" allowClear={false} />
        </Form.Item>
        <Form.Item
          name="reason"
          label="提醒内容"
          rules={[
            { required: true, whitespace: true, message: '请填写提醒内容' },
            { max: 200, message: '提醒内容不能超过 200 个字' },
          ]}
        >
          <Input.TextArea aria-label="提醒内容" autoSize={{ minRows: 2, maxRows: 5 }} placeholder="如：寄送新品样册" />
        </Form.Item>
      </Form>
    </Modal>
  )
}
