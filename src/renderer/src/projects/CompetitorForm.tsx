import { Col, Form, Input, InputNumber, Rate, Row, Segmented } from 'antd'
import { FormModal } from '../activity/FormModal'
import { competitorKinds, competitorUpdateInput, type Competitor } from '../../../shared/competitor'
import { editedKeys } from '../../../shared/editedKeys'
import {
  CustomerField,
  formFields,
  formValues,
  saveRecord,
  useLatestRecord,
  type FormValuesOf,
} from '../activity/recordForm'
import { starsText } from '../activity/staleFields'
import type { CustomerOption } from './CustomerPicker'

const valueKeys = ['customerId' as const, ...editedKeys(competitorUpdateInput)]

type CompetitorFormValues = FormValuesOf<Competitor, (typeof valueKeys)[number]>

const area = (label: string, max: number) => (
  <Input.TextArea aria-label={label} autoSize={{ minRows: 1, maxRows: 4 }} maxLength={max} />
)

/** 登记 / 修改 a 竞争对手 or 供应商 of a customer (docs/product-rules.md#competitors-and-feedback). */
export function CompetitorForm(props: {
  customer?: CustomerOption
  record: Competitor | undefined
  onClose: () => void
  onSaved: () => void
}): React.JSX.Element {
  const { customer, onClose, onSaved } = props
  const [form] = Form.useForm<CompetitorFormValues>()
  const { record, reload } = useLatestRecord('competitors', props.record)

  const submit = async (values: CompetitorFormValues): Promise<string> => {
    const { customerId, ...fields } = formFields(values, valueKeys, { name: '', kind: '竞争对手' })
    // An unrated 客户满意度 is 0 in the stars and null in the record.
    await saveRecord(
      'competitors',
      record,
      { ...fields, satisfaction: fields.satisfaction || null },
      {
        customerId: customer?.value ?? customerId ?? 0,
      },
    )
    return record ? '已保存' : `已登记${fields.kind}`
  }

  const half = (node: React.ReactNode) => <Col span={12}>{node}</Col>

  return (
    <FormModal<CompetitorFormValues>
      form={form}
      title={record ? `修改${record.kind}` : '登记竞争对手 / 供应商'}
      width={760}
      labelWidth="96px"
      initialValues={formValues(record, valueKeys, { customerId: customer?.value ?? null, kind: '竞争对手' })}
      onClose={onClose}
      submit={submit}
      onDone={onSaved}
      reload={
        reload && {
          load: async () => formValues(await reload(), valueKeys),
          fields: {
            customerId: '客户',
            name: '名称',
            kind: '类型',
            products: '产品',
            volume: '销量',
            price: '价格',
            ourShare: { label: '我司份额', format: (value) => `${String(value)}%` },
            repName: '业务代表',
            repRelation: '与客户关系',
            satisfaction: { label: '客户满意度', format: starsText },
            strengths: '优势',
            weaknesses: '劣势',
            qualityIssues: '质量问题',
            strategy: '策略动向',
            note: '备注',
          },
        }
      }
    >
      <CustomerField shown={!customer && !record} />
      <Row gutter={16}>
        {half(
          <Form.Item name="name" label="名称" rules={[{ required: true, whitespace: true, message: '请填写名称' }]}>
            <Input aria-label="名称" maxLength={100} placeholder="品牌或公司名称" />
          </Form.Item>,
        )}
        {half(
          <Form.Item name="kind" label="类型">
            <Segmented aria-label="类型" options={[...competitorKinds]} />
          </Form.Item>,
        )}
      </Row>
      <Row gutter={16}>
        {half(
          <Form.Item name="products" label="产品">
            {area('产品', 500)}
          </Form.Item>,
        )}
        {half(
          <Form.Item name="volume" label="销量">
            <Input aria-label="销量" maxLength={200} placeholder="如：每年约 20 台" />
          </Form.Item>,
        )}
      </Row>
      <Row gutter={16}>
        {half(
          <Form.Item name="price" label="价格">
            <Input aria-label="价格" maxLength={200} placeholder="如：比我司低约 5%" />
          </Form.Item>,
        )}
        {half(
          <Form.Item name="ourShare" label="我司份额">
            <InputNumber aria-label="我司份额" min={0} max={100} suffix="%" style={{ width: '100%' }} />
          </Form.Item>,
        )}
      </Row>
      <Row gutter={16}>
        {half(
          <Form.Item name="repName" label="业务代表">
            <Input aria-label="业务代表" maxLength={50} />
          </Form.Item>,
        )}
        {half(
          <Form.Item name="repRelation" label="与客户关系">
            <Input aria-label="与客户的关系" maxLength={200} />
          </Form.Item>,
        )}
      </Row>
      <Form.Item name="satisfaction" label="客户满意度">
        <Rate aria-label="客户满意度" />
      </Form.Item>
      <Row gutter={16}>
        {half(
          <Form.Item name="strengths" label="优势">
            {area('优势', 1000)}
          </Form.Item>,
        )}
        {half(
          <Form.Item name="weaknesses" label="劣势">
            {area('劣势', 1000)}
          </Form.Item>,
        )}
      </Row>
      <Row gutter={16}>
        {half(
          <Form.Item name="qualityIssues" label="质量问题">
            {area('质量问题', 1000)}
          </Form.Item>,
        )}
        {half(
          <Form.Item name="strategy" label="策略动向">
            {area('策略动向', 1000)}
          </Form.Item>,
        )}
      </Row>
      <Form.Item name="note" label="备注">
        {area('备注', 1000)}
      </Form.Item>
    </FormModal>
  )
}
