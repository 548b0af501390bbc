import { Form, Select } from 'antd'
import { FormModal } from './FormModal'
import { contactOptionsOf, InteractionFields, interactionTimeFormat } from './InteractionFields'
import dayjs from 'dayjs'
import type { Contact } from '../../../shared/contact'
import type { Interaction } from '../../../shared/interaction'
import { call } from '../api/client'
import { combinedLoad } from '../api/useQuery'
import { useDictOptions } from './activityHelpers'

/** The form store: values as the API has them; the pickers convert at their edge. */
interface InteractionFormValues {
  occurredAt: string | null
  typeId: number | null
  contactId: number | null
  subject: string | null
  content: string | null
  result: string | null
  nextFollowUp: string | null
  staffId: number | null
}

function initialValues(record: Interaction | undefined): InteractionFormValues {
  if (!record) {
    return {
      occurredAt: dayjs().format(interactionTimeFormat),
      typeId: null,
      contactId: null,
      subject: null,
      content: null,
      result: null,
      nextFollowUp: null,
      staffId: null,
    }
  }
  return {
    occurredAt: record.occurredAt,
    typeId: record.typeId,
    contactId: record.contactId,
    subject: record.subject,
    content: record.content,
    result: record.result,
    nextFollowUp: record.nextFollowUp,
    staffId: record.staffId,
  }
}

/** 登记交往 / 修改交往记录 in a Modal. `record` undefined = a new record. */
export function InteractionForm(props: {
  open: boolean
  customerId: number
  contacts: Contact[]
  record: Interaction | undefined
  onClose: () => void
  onSaved: () => void
}): React.JSX.Element {
  const { open, customerId, contacts, record, onClose, onSaved } = props
  const [form] = Form.useForm<InteractionFormValues>()
  const types = useDictOptions('interactionType')
  const staff = useDictOptions('staff')

  const submit = async (values: InteractionFormValues): Promise<string> => {
    const fields = {
      occurredAt: values.occurredAt ?? '',
      typeId: values.typeId ?? 0,
      contactId: values.contactId ?? null,
      subject: values.subject ?? null,
      content: values.content ?? null,
      result: values.result ?? null,
      nextFollowUp: values.nextFollowUp ?? null,
      staffId: values.staffId ?? null,
    }
    if (record) await call('interactions.update', { id: record.id, ...fields })
    else await call('interactions.create', { customerId, ...fields })
    return record ? '已保存交往记录' : '已登记交往'
  }

  const contactOptions = contactOptionsOf(contacts)
  // A record may name a contact that has since been removed from the card.
  if (record?.contactId && record.contactName && !contacts.some((c) => c.id === record.contactId)) {
    contactOptions.push({ value: record.contactId, label: record.contactName })
  }

  return (
    <FormModal<InteractionFormValues>
      options={combinedLoad(types.load, staff.load)}
      form={form}
      open={open}
      title={record ? '修改交往记录' : '登记交往'}
      width={640}
      labelWidth="96px"
      initialValues={initialValues(record)}
      preserve={false}
      onClose={onClose}
      submit={submit}
      onDone={onSaved}
    >
      <InteractionFields typeOptions={types.options} contactOptions={contactOptions} withContent />
      <Form.Item name="staffId" label="业务员">
        <Select
          aria-label="业务员"
          allowClear
          placeholder="请选择"
          showSearch={{ optionFilterProp: 'label' }}
          options={staff.options}
          notFoundContent="请先在系统设置 → 系统字典中添加业务员"
          style={{ width: 220 }}
        />
      </Form.Item>
    </FormModal>
  )
}
