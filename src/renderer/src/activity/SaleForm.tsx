import { DatePicker, Form, Input, InputNumber, Select } from 'antd'
import { FormModal } from './FormModal'
import { useMemo } from 'react'
import { saleAmount, type Sale } from '../../../shared/sale'
import { formFields, formValues, saveRecord, useLatestRecord, type FormValuesOf } from './recordForm'
import { today } from '../customers/card/cardValues'
import { isoDateItemProps } from '../customers/card/dateInput'
import { useDictOptions } from './activityHelpers'
import { ContractOfCustomerSelect } from '../contracts/ContractOfCustomerSelect'

const valueKeys = ['date', 'productId', 'quantity', 'unitPrice', 'amount', 'contractId', 'remarks'] as const

type SaleFormValues = FormValuesOf<Sale, (typeof valueKeys)[number]>

/** 登记交易 / 修改交易记录 in a Modal. 金额 follows 数量 × 单价 until it is typed over. */
export function SaleForm(props: {
  open: boolean
  customerId: number
  record: Sale | undefined
  onClose: () => void
  onSaved: () => void
}): React.JSX.Element {
  const { open, customerId, onClose, onSaved } = props
  const [form] = Form.useForm<SaleFormValues>()
  const { record, reload } = useLatestRecord('sales', props.record)
  const products = useDictOptions('product')

  // Enabled products grouped by 产品类别; a disabled one only when this record uses it.
  const productOptions = useMemo(() => {
    const groups = new Map<string, { value: number; label: string; disabled?: boolean }[]>()
    for (const item of products.items) {
      if (!item.enabled && item.id !== record?.productId) continue
      const group = item.groupName || '未分类'
      const option = item.enabled
        ? { value: item.id, label: item.label }
        : { value: item.id, label: `${item.label}（已停用）`, disabled: true }
      groups.set(group, [...(groups.get(group) ?? []), option])
    }
    return [...groups].map(([label, options]) => ({ label, title: label, options }))
  }, [products.items, record?.productId])

  const submit = async (values: SaleFormValues): Promise<string> => {
    await saveRecord('sales', record, formFields(values, valueKeys, { date: '' }), { customerId })
    return record ? '已保存交易记录' : '已登记交易'
  }

  return (
    <FormModal<SaleFormValues>
      options={products.load}
      form={form}
      open={open}
      title={record ? '修改交易记录' : '登记交易'}
      width={560}
      labelWidth="72px"
      initialValues={formValues(record, valueKeys, { date: today() })}
      preserve={false}
      onValuesChange={(changed: Partial<SaleFormValues>, all) => {
        if (!('quantity' in changed || 'unitPrice' in changed)) return
        if (typeof all.quantity === 'number' && typeof all.unitPrice === 'number') {
          form.setFieldValue('amount', saleAmount(all.quantity, all.unitPrice))
        }
      }}
      onClose={onClose}
      submit={submit}
      onDone={onSaved}
      reload={
        reload && {
          load: async () => formValues(await reload(), valueKeys),
          fields: {
            date: '日期',
            productId: { label: '产品', choices: productOptions },
            quantity: '数量',
            unitPrice: '单价',
            amount: '金额',
            contractId: '合同',
            remarks: '备注',
          },
        }
      }
    >
      <Form.Item name="date" label="日期" rules={[{ required: true, message: '请填写交易日期' }]} {...isoDateItemProps}>
        <DatePicker aria-label="日期" style={{ width: 200 }} />
      </Form.Item>
      <Form.Item name="productId" label="产品">
        <Select
          aria-label="产品"
          allowClear
          placeholder="请选择"
          showSearch={{ optionFilterProp: 'label' }}
          options={productOptions}
          notFoundContent="请先在系统设置 → 系统字典中添加产品"
        />
      </Form.Item>
      <Form.Item name="quantity" label="数量">
        <InputNumber aria-label="数量" min={0} style={{ width: 200 }} />
      </Form.Item>
      <Form.Item name="unitPrice" label="单价">
        <InputNumber aria-label="单价" min={0} style={{ width: 200 }} suffix="元" />
      </Form.Item>
      <Form.Item
        name="amount"
        label="金额"
        extra="按 数量 × 单价 自动计算，可修改"
        rules={[{ required: true, message: '请填写金额，或填写数量和单价' }]}
      >
        <InputNumber aria-label="金额" min={0} precision={2} style={{ width: 200 }} suffix="元" />
      </Form.Item>
      <Form.Item name="contractId" label="合同">
        <ContractOfCustomerSelect customerId={customerId} />
      </Form.Item>
      <Form.Item name="remarks" label="备注">
        <Input.TextArea aria-label="备注" autoSize={{ minRows: 1, maxRows: 6 }} maxLength={500} />
      </Form.Item>
    </FormModal>
  )
}
