import { Checkbox, Form, Typography } from 'antd'
import dayjs from 'dayjs'
import { useEffect } from 'react'
import { reminderKindLabels, type Reminder } from '../../../shared/reminder'
import { useDictOptions } from '../activity/activityHelpers'
import { FormModal } from '../activity/FormModal'
import { contactOptionsOf, InteractionFields, interactionTimeFormat } from '../activity/InteractionFields'
import { StaffField } from '../activity/StaffField'
import { useInteractionPresets } from '../activity/useInteractionPresets'
import { call } from '../api/client'
import { combinedLoad } from '../api/useQuery'
import './completeReminder.css'

interface CompleteValues {
  logInteraction: boolean
  occurredAt: string | null
  typeId: number | null
  contactId: number | null
  subject: string | null
  content: string | null
  result: string | null
  nextFollowUp: string | null
  staffId: number | null
}

/**
 * 完成 a reminder, logging the 交往记录 that settled it (which restarts the follow-up
 * cycle). Opens with everything but what was said filled in (useInteractionPresets),
 * so 完成 → type → 完成 is the whole job.
 */
export function CompleteReminderDialog(props: {
  reminder: Reminder
  onClose: () => void
  onDone: () => void
}): React.JSX.Element | null {
  const { reminder, onClose, onDone } = props
  const [form] = Form.useForm<CompleteValues>()
  const types = useDictOptions('interactionType')
  const staff = useDictOptions('staff')
  const forCustomer = reminder.customerId !== null
  const presets = useInteractionPresets(reminder.customerId, reminder.kind)
  const logInteraction = Form.useWatch('logInteraction', form) ?? forCustomer

  // The cursor waits in 内容, the one thing left to type.
  useEffect(() => {
    if (presets.ready && forCustomer) window.setTimeout(() => form.focusField('content'), 50)
  }, [presets.ready, forCustomer, form])

  const submit = async (values: CompleteValues): Promise<string> => {
    const logged = values.logInteraction && forCustomer
    await call('reminders.complete', {
      id: reminder.id,
      ...(logged
        ? {
            interaction: {
              occurredAt: values.occurredAt ?? '',
              typeId: values.typeId ?? 0,
              contactId: values.contactId ?? null,
              subject: values.subject ?? null,
              content: values.content ?? null,
              result: values.result ?? null,
              nextFollowUp: values.nextFollowUp ?? null,
              staffId: values.staffId ?? null,
            },
          }
        : {}),
    })
    if (logged) presets.rememberType(values.typeId)
    return logged ? '已完成，并登记了交往记录' : '已完成'
  }

  // The form opens once its presets are known: fields filled later would look like the user's own changes.
  if (!presets.ready) return null
  const contacts = presets.customer?.contacts ?? []
  return (
    <FormModal<CompleteValues>
      options={combinedLoad(types.load, staff.load)}
      form={form}
      title="完成提醒"
      okText="完成"
      width={600}
      labelWidth="96px"
      intro={
        <Typography.Paragraph type="secondary">
          {reminderKindLabels[reminder.kind]}
          {reminder.customerName ? ` · ${reminder.customerName}` : ''}：{reminder.reason}
        </Typography.Paragraph>
      }
      initialValues={{
        logInteraction: forCustomer,
        occurredAt: dayjs().format(interactionTimeFormat),
        typeId: presets.typeId,
        contactId: reminder.contactId,
        subject: subjectFor(reminder),
        content: null,
        result: null,
        nextFollowUp: presets.nextFollowUp,
        staffId: presets.staffId,
      }}
      onClose={onClose}
      submit={submit}
      onDone={onDone}
    >
      <div className="kq-complete-form">
        <Form.Item name="logInteraction" valuePropName="checked" wrapperCol={{ offset: 0 }}>
          <Checkbox disabled={!forCustomer}>
            {forCustomer
              ? '同时登记一条交往记录（会更新最近联系，重新开始联系周期）'
              : '节日问候不属于某个客户，无需登记交往'}
          </Checkbox>
        </Form.Item>
        {logInteraction && forCustomer && (
          <>
            <InteractionFields typeOptions={types.options} contactOptions={contactOptionsOf(contacts)} withContent />
            <StaffField options={staff.options} />
          </>
        )}
      </div>
    </FormModal>
  )
}

function subjectFor(reminder: Reminder): string {
  switch (reminder.kind) {
    case 'birthday':
      return `${reminder.contactName ?? reminder.customerName ?? ''}生日问候`
    case 'salesDecline':
      return '采购回访'
    case 'dealDeadline':
      return '成交进度跟进'
    default:
      return '例行跟进'
  }
}
