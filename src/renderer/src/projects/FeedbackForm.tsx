import { Col, DatePicker, Form, Input, Rate, Row, Select } from 'antd'
import { FormModal } from '../activity/FormModal'
import { editedKeys } from '../../../shared/editedKeys'
import { feedbackStatuses, feedbackTypes, feedbackUpdateInput, type Feedback } from '../../../shared/feedback'
import {
  CustomerField,
  formFields,
  formValues,
  saveRecord,
  useLatestRecord,
  type FormValuesOf,
} from '../activity/recordForm'
import { starsText } from '../activity/staleFields'
import { useDictOptions } from '../activity/activityHelpers'
import { combinedLoad } from '../api/useQuery'
import { today } from '../customers/card/cardValues'
import { isoDateItemProps } from '../customers/card/dateInput'
import type { CustomerOption } from './CustomerPicker'

const valueKeys = ['customerId' as const, ...editedKeys(feedbackUpdateInput)]

type FeedbackFormValues = FormValuesOf<Feedback, (typeof valueKeys)[number]>

const options = (values: readonly string[]) => values.map((value) => ({ value, label: value }))

/** 登记 / 修改 a 客户意见 (docs/product-rules.md#competitors-and-feedback). */
export function FeedbackForm(props: {
  customer?: CustomerOption
  record: Feedback | undefined
  onClose: () => void
  onSaved: () => void
}): React.JSX.Element {
  const { customer, onClose, onSaved } = props
  const [form] = Form.useForm<FeedbackFormValues>()
  const { record, reload } = useLatestRecord('feedback', props.record)
  const products = useDictOptions('product')
  const staff = useDictOptions('staff')
  const usable = (list: { value: number; disabled?: boolean }[], current: number | null | undefined) =>
    list.filter((o) => !o.disabled || o.value === current)

  const submit = async (values: FeedbackFormValues): Promise<string> => {
    const { customerId, ...fields } = formFields(values, valueKeys, { type: '咨询', receivedAt: '', status: '待处理' })
    // An unrated 满意度 is 0 in the stars and null in the record.
    await saveRecord(
      'feedback',
      record,
      { ...fields, satisfaction: fields.satisfaction || null },
      {
        customerId: customer?.value ?? customerId ?? 0,
      },
    )
    return record ? '已保存客户意见' : '已登记客户意见'
  }

  return (
    <FormModal<FeedbackFormValues>
      options={combinedLoad(products.load, staff.load)}
      form={form}
      title={record ? '修改客户意见' : '登记客户意见'}
      width={680}
      labelWidth="84px"
      initialValues={formValues(record, valueKeys, {
        customerId: customer?.value ?? null,
        receivedAt: today(),
        status: '待处理',
      })}
      onClose={onClose}
      submit={submit}
      onDone={onSaved}
      reload={
        reload && {
          load: async () => formValues(await reload(), valueKeys),
          fields: {
            customerId: '客户',
            type: '意见类型',
            productId: { label: '产品', choices: products.options },
            receivedAt: '收到日期',
            resolvedAt: '解决日期',
            status: '处理状态',
            handlerId: { label: '处理人', choices: staff.options },
            content: '意见内容',
            resolution: '处理结果',
            satisfaction: { label: '客户满意度', format: starsText },
          },
        }
      }
    >
      <CustomerField shown={!customer && !record} />
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="type" label="意见类型" rules={[{ required: true, message: '请选择意见类型' }]}>
            <Select aria-label="意见类型" placeholder="请选择" options={options(feedbackTypes)} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="productId" label="产品">
            <Select
              aria-label="产品"
              allowClear
              placeholder="请选择"
              showSearch={{ optionFilterProp: 'label' }}
              options={usable(products.options, record?.productId)}
            />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item
            name="receivedAt"
            label="收到日期"
            rules={[{ required: true, message: '请填写收到日期' }]}
            {...isoDateItemProps}
          >
            <DatePicker aria-label="收到日期" style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="resolvedAt" label="解决日期" {...isoDateItemProps}>
            <DatePicker aria-label="解决日期" style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="status" label="处理状态">
            <Select aria-label="处理状态" options={options(feedbackStatuses)} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="handlerId" label="处理人">
            <Select
              aria-label="处理人"
              allowClear
              placeholder="请选择"
              options={usable(staff.options, record?.handlerId)}
            />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="content" label="意见内容">
        <Input.TextArea aria-label="意见内容" autoSize={{ minRows: 2, maxRows: 6 }} maxLength={5000} />
      </Form.Item>
      <Form.Item name="resolution" label="处理结果">
        <Input.TextArea aria-label="处理结果" autoSize={{ minRows: 1, maxRows: 6 }} maxLength={5000} />
      </Form.Item>
      <Form.Item name="satisfaction" label="客户满意度">
        <Rate aria-label="客户满意度" />
      </Form.Item>
    </FormModal>
  )
}
