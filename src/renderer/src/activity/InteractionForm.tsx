import { Form } from 'antd'
import { FormModal } from './FormModal'
import { contactOptionsOf, InteractionFields, interactionTimeFormat } from './InteractionFields'
import { StaffField } from './StaffField'
import dayjs from 'dayjs'
import type { Contact } from '../../../shared/contact'
import type { Interaction } from '../../../shared/interaction'
import { formFields, formValues, saveRecord, useLatestRecord, type FormValuesOf } from './recordForm'
import { combinedLoad } from '../api/useQuery'
import { useDictOptions } from './activityHelpers'
import { useInteractionPresets } from './useInteractionPresets'

const valueKeys = [
  'occurredAt',
  'typeId',
  'contactId',
  'subject',
  'content',
  'result',
  'nextFollowUp',
  'staffId',
] as const

/** The form store: values as the API has them; the pickers convert at their edge. */
type InteractionFormValues = FormValuesOf<Interaction, (typeof valueKeys)[number]>

/** 登记交往 / 修改交往记录 in a Modal. `record` undefined = a new record. */
export function InteractionForm(props: {
  open: boolean
  customerId: number
  contacts: Contact[]
  record: Interaction | undefined
  onClose: () => void
  onSaved: () => void
}): React.JSX.Element {
  const { open, customerId, contacts, onClose, onSaved } = props
  const [form] = Form.useForm<InteractionFormValues>()
  const { record, reload } = useLatestRecord('interactions', props.record)
  const types = useDictOptions('interactionType')
  const staff = useDictOptions('staff')
  // A new record starts with the 交往方式, 业务员 and 下次跟进日期 it most likely has.
  const presets = useInteractionPresets(customerId)

  const submit = async (values: InteractionFormValues): Promise<string> => {
    const fields = formFields(values, valueKeys, { occurredAt: '', typeId: 0 })
    await saveRecord('interactions', record, fields, { customerId })
    if (!record) presets.rememberType(fields.typeId)
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
      initialValues={formValues(record, valueKeys, {
        occurredAt: dayjs().format(interactionTimeFormat),
        typeId: presets.typeId,
        staffId: presets.staffId,
        nextFollowUp: presets.nextFollowUp,
      })}
      preserve={false}
      onClose={onClose}
      submit={submit}
      onDone={onSaved}
      reload={
        reload && {
          load: async () => formValues(await reload(), valueKeys),
          fields: {
            occurredAt: '时间',
            typeId: { label: '交往方式', choices: types.options },
            contactId: { label: '联系人', choices: contactOptions },
            subject: '主题',
            content: '内容',
            result: '结果',
            nextFollowUp: '下次跟进日期',
            staffId: { label: '业务员', choices: staff.options },
          },
        }
      }
    >
      <InteractionFields typeOptions={types.options} contactOptions={contactOptions} withContent />
      <StaffField options={staff.options} />
    </FormModal>
  )
}
