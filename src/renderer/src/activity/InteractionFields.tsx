import { DatePicker, Form, Input, Select } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import type { Contact } from '../../../shared/contact'
import { isoDateItemProps } from '../customers/card/dateInput'

export const interactionTimeFormat = 'YYYY-MM-DD HH:mm'

/** The form keeps the API's 'YYYY-MM-DD HH:mm' text; the picker converts at its edge. */
const timeItemProps = {
  getValueProps: (value: unknown) => ({
    value: typeof value === 'string' && value ? dayjs(value, interactionTimeFormat) : null,
  }),
  normalize: (value: Dayjs | null) => (value ? value.format(interactionTimeFormat) : null),
}

export function contactOptionsOf(contacts: Contact[]): { value: number; label: string }[] {
  return contacts.map((c) => ({ value: c.id, label: c.title ? `${c.name}（${c.title}）` : c.name }))
}

/**
 * The fields of a 交往记录 (时间, 交往方式, 联系人, 主题, 内容, 结果, 下次跟进日期), shared
 * by 登记交往 and by 完成提醒, which logs one without its 内容.
 */
export function InteractionFields(props: {
  typeOptions: { value: number; label: string }[]
  contactOptions: { value: number; label: string }[]
  withContent: boolean
}): React.JSX.Element {
  const { typeOptions, contactOptions, withContent } = props
  return (
    <>
      <Form.Item
        name="occurredAt"
        label="时间"
        rules={[{ required: true, message: '请填写交往时间' }]}
        {...timeItemProps}
      >
        <DatePicker
          aria-label="时间"
          showTime={{ format: 'HH:mm' }}
          format={interactionTimeFormat}
          style={{ width: 220 }}
        />
      </Form.Item>
      <Form.Item name="typeId" label="交往方式" rules={[{ required: true, message: '请选择交往方式' }]}>
        <Select
          aria-label="交往方式"
          placeholder="请选择"
          showSearch={{ optionFilterProp: 'label' }}
          options={typeOptions}
          style={{ width: 220 }}
        />
      </Form.Item>
      <Form.Item name="contactId" label="联系人">
        <Select
          aria-label="联系人"
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={contactOptions.length > 0 ? '请选择' : '该客户尚未登记联系人'}
          options={contactOptions}
          style={{ width: 220 }}
        />
      </Form.Item>
      <Form.Item name="subject" label="主题">
        <Input aria-label="主题" maxLength={200} />
      </Form.Item>
      {withContent && (
        <Form.Item name="content" label="内容">
          <Input.TextArea aria-label="内容" autoSize={{ minRows: 3, maxRows: 10 }} maxLength={5000} />
        </Form.Item>
      )}
      <Form.Item name="result" label="结果">
        <Input.TextArea aria-label="结果" autoSize={{ minRows: 1, maxRows: 6 }} maxLength={2000} />
      </Form.Item>
      <Form.Item name="nextFollowUp" label="下次跟进日期" {...isoDateItemProps}>
        <DatePicker aria-label="下次跟进日期" style={{ width: 220 }} />
      </Form.Item>
    </>
  )
}
