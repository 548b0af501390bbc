import { Checkbox, Form, Typography } from 'antd'
import { FormModal } from '../activity/FormModal'
import { contactOptionsOf, InteractionFields, interactionTimeFormat } from '../activity/InteractionFields'
import dayjs from 'dayjs'
import { reminderKindLabels, type Reminder } from '../../../shared/reminder'
import { call } from '../api/client'
import { useQuery } from '../api/useQuery'
import { useDictOptions } from '../activity/activityHelpers'

interface CompleteValues {
  logInteraction: boolean
  occurredAt: string | null
  typeId: number | null
  contactId: number | null
  subject: string | null
  result: string | null
  nextFollowUp: string | null
}

/** 完成 a reminder, optionally logging the 交往记录 that settled it (which restarts the follow-up cycle). */
export function CompleteReminderDialog(props: {
  reminder: Reminder
  onClose: () => void
  onDone: () => void
}): React.JSX.Element {
  const { reminder, onClose, onDone } = props
  const [form] = Form.useForm<CompleteValues>()
  const types = useDictOptions('interactionType')
  const forCustomer = reminder.customerId !== null
  const customer = useQuery('customers.get', { id: reminder.customerId ?? 0, includeDeleted: true })
  const logInteraction = Form.useWatch('logInteraction', form) ?? forCustomer

  const submit = async (values: CompleteValues): Promise<string> => {
    await call('reminders.complete', {
      id: reminder.id,
      ...(values.logInteraction && forCustomer
        ? {
            interaction: {
              occurredAt: values.occurredAt ?? '',
              typeId: values.typeId ?? 0,
              contactId: values.contactId ?? null,
              subject: values.subject ?? null,
              result: values.result ?? null,
              nextFollowUp: values.nextFollowUp ?? null,
            },
          }
        : {}),
    })
    return values.logInteraction && forCustomer ? '已完成，并登记了交往记录' : '已完成'
  }

  const contacts = forCustomer ? (customer.data?.contacts ?? []) : []
  return (
    <FormModal<CompleteValues>
      options={types.load}
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
        typeId: null,
        contactId: reminder.contactId,
        subject: subjectFor(reminder),
        result: null,
        nextFollowUp: null,
      }}
      onClose={onClose}
      submit={submit}
      onDone={onDone}
    >
      <Form.Item name="logInteraction" valuePropName="checked" wrapperCol={{ offset: 0 }}>
        <Checkbox disabled={!forCustomer}>
          {forCustomer
            ? '同时登记一条交往记录（会更新最近联系，重新开始联系周期）'
            : '节日问候不属于某个客户，无需登记交往'}
        </Checkbox>
      </Form.Item>
      {logInteraction && forCustomer && (
        <>
          <InteractionFields
            typeOptions={types.options}
            contactOptions={contactOptionsOf(contacts)}
            withContent={false}
          />
        </>
      )}
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
