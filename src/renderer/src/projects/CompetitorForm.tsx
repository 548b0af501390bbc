import { Col, Form, Input, InputNumber, Rate, Row, Segmented } from 'antd'
import { FormModal } from '../activity/FormModal'
import { competitorKinds, type Competitor, type CompetitorKind } from '../../../shared/competitor'
import { call } from '../api/client'
import { CustomerPicker, type CustomerOption } from './CustomerPicker'

interface CompetitorFormValues {
  customerId: number | null
  name: string | null
  kind: CompetitorKind
  products: string | null
  volume: string | null
  price: string | null
  repName: string | null
  repRelation: string | null
  satisfaction: number | null
  qualityIssues: string | null
  strengths: string | null
  weaknesses: string | null
  strategy: string | null
  ourShare: number | null
  note: string | null
}

const textKeys = [
  'products',
  'volume',
  'price',
  'repName',
  'repRelation',
  'qualityIssues',
  'strengths',
  'weaknesses',
  'strategy',
  'note',
] as const

function initialValues(record: Competitor | undefined, customer: CustomerOption | undefined): CompetitorFormValues {
  const texts = Object.fromEntries(textKeys.map((key) => [key, record?.[key] ?? null])) as Pick<
    CompetitorFormValues,
    (typeof textKeys)[number]
  >
  return {
    customerId: record?.customerId ?? customer?.value ?? null,
    name: record?.name ?? null,
    kind: record?.kind ?? '竞争对手',
    satisfaction: record?.satisfaction ?? null,
    ourShare: record?.ourShare ?? null,
    ...texts,
  }
}

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
  const { customer, record, onClose, onSaved } = props
  const [form] = Form.useForm<CompetitorFormValues>()

  const submit = async (values: CompetitorFormValues): Promise<string> => {
    const fields = {
      name: values.name ?? '',
      kind: values.kind,
      satisfaction: values.satisfaction || null,
      ourShare: values.ourShare ?? null,
      ...Object.fromEntries(textKeys.map((key) => [key, values[key] ?? null])),
    }
    if (record) await call('competitors.update', { id: record.id, ...fields })
    else await call('competitors.create', { customerId: customer?.value ?? values.customerId ?? 0, ...fields })
    return record ? '已保存' : `已登记${values.kind}`
  }

  const half = (node: React.ReactNode) => <Col span={12}>{node}</Col>

  return (
    <FormModal<CompetitorFormValues>
      form={form}
      title={record ? `修改${record.kind}` : '登记竞争对手 / 供应商'}
      width={760}
      labelWidth="96px"
      initialValues={initialValues(record, customer)}
      onClose={onClose}
      submit={submit}
      onDone={onSaved}
    >
      {!customer && !record && (
        <Form.Item name="customerId" label="客户" rules={[{ required: true, message: '请选择客户' }]}>
          <CustomerPicker ariaLabel="客户" />
        </Form.Item>
      )}
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
