import { App, Button, Form, InputNumber, Space, Spin, Switch, TimePicker, Typography } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { useState } from 'react'
import type { ReminderSettings } from '../../../shared/reminder'
import { call } from '../api/client'
import { Loaded } from '../api/LoadFailed'
import { useQuery } from '../api/useQuery'
import { reportSaveError } from '../activity/activityHelpers'
import './reminders.css'

/** Form.Item props that let a TimePicker edit an 'HH:mm' string. */
const timeItemProps = {
  getValueProps: (value: unknown) => ({ value: typeof value === 'string' && value ? dayjs(value, 'HH:mm') : null }),
  normalize: (value: Dayjs | null) => (value ? value.format('HH:mm') : null),
}

/** 系统设置 → 提醒设置. */
export function ReminderSettingsPanel(): React.JSX.Element {
  const settings = useQuery('reminders.getSettings', {})
  const { data, reload } = settings
  const [form] = Form.useForm<ReminderSettings>()
  const [saving, setSaving] = useState(false)
  const { message } = App.useApp()
  const quiet = Form.useWatch('quietHoursEnabled', form)
  if (!data) {
    return settings.error !== undefined ? (
      <Loaded query={settings} what="提醒设置" />
    ) : (
      <Spin style={{ display: 'block', margin: '40px auto' }} />
    )
  }

  const save = async (values: ReminderSettings): Promise<void> => {
    setSaving(true)
    try {
      await call('reminders.setSettings', values)
      message.success('已保存提醒设置')
      await reload()
    } catch (error) {
      reportSaveError(form, error, (text) => message.error(text))
    } finally {
      setSaving(false)
    }
  }

  return (
    <Form<ReminderSettings>
      form={form}
      className="kq-reminder-settings"
      layout="horizontal"
      labelCol={{ flex: '140px' }}
      initialValues={data}
      onFinish={(values) => void save(values)}
    >
      <Form.Item label="生日提前提醒" extra="生日、纪念日、成交期限和节日提前几天提醒" required>
        <Space>
          <Form.Item name="leadDays" noStyle rules={[{ required: true, message: '请填写提前天数' }]}>
            <InputNumber aria-label="提前天数" min={0} max={30} precision={0} style={{ width: 100 }} />
          </Form.Item>
          <span>天</span>
        </Space>
      </Form.Item>
      <Form.Item
        name="digestTime"
        label="每日汇总时间"
        extra="每天这个时间弹出一条今日待办汇总"
        rules={[{ required: true, message: '请选择每日汇总时间' }]}
        {...timeItemProps}
      >
        <TimePicker aria-label="每日汇总时间" format="HH:mm" minuteStep={5} style={{ width: 120 }} />
      </Form.Item>
      <Form.Item name="quietHoursEnabled" label="免打扰时段" valuePropName="checked">
        <Switch aria-label="免打扰时段" />
      </Form.Item>
      <Form.Item label="免打扰时间" extra="这段时间内不弹出通知，结束后再补发">
        <Space>
          <Form.Item name="quietStart" noStyle {...timeItemProps}>
            <TimePicker
              aria-label="免打扰开始"
              format="HH:mm"
              minuteStep={5}
              disabled={!quiet}
              style={{ width: 120 }}
            />
          </Form.Item>
          <span>至</span>
          <Form.Item name="quietEnd" noStyle {...timeItemProps}>
            <TimePicker
              aria-label="免打扰结束"
              format="HH:mm"
              minuteStep={5}
              disabled={!quiet}
              style={{ width: 120 }}
            />
          </Form.Item>
        </Space>
      </Form.Item>
      <Form.Item
        name="festivalGreetings"
        label="节日问候提醒"
        valuePropName="checked"
        extra="元旦、春节、元宵、端午、中秋、重阳、国庆前提醒群发问候"
      >
        <Switch aria-label="节日问候提醒" />
      </Form.Item>
      <Form.Item
        name="startAtLogin"
        label="开机自动启动"
        valuePropName="checked"
        extra="开机后在系统托盘中运行，按时提醒；关闭窗口时程序仍在托盘中运行"
      >
        <Switch aria-label="开机自动启动" />
      </Form.Item>
      <Form.Item label=" " colon={false}>
        <Button type="primary" htmlType="submit" loading={saving}>
          保存
        </Button>
      </Form.Item>
      <Typography.Paragraph type="secondary" style={{ marginLeft: 140 }}>
        跟进提醒按客户的「联系策略」周期，业务下滑提醒按「购买策略」周期，可在 系统字典 中修改周期天数。
      </Typography.Paragraph>
    </Form>
  )
}
