import { App, AutoComplete, DatePicker, Form, Input, InputNumber, Select } from 'antd'
import { useRef } from 'react'
import type { ContractDetail, Instalment } from '../../../shared/salesContract'
import { call } from '../api/client'
import { formatAmount, useDictOptions } from '../activity/activityHelpers'
import { FormModal } from '../activity/FormModal'
import { today } from '../customers/card/cardValues'
import { isoDateItemProps } from '../customers/card/dateInput'
import { unpaidOf } from './InstalmentsTable'
import { moneyInput } from './moneyInputProps'

interface PaymentFormValues {
  paidOn: string | null
  amount: number | null
  method: string | null
  receiverStaffId: number | null
  instalmentId: number | null
  remarks: string | null
}

const methods = ['转账', '现金', '承兑汇票', '支票', '微信', '支付宝'].map((value) => ({ value }))

/**
 * 登记回款 of a contract, against one of its instalments or the contract as a whole. The
 * core records a payment beyond what is owed in full and says so: that warning is shown
 * after the save, never dropped.
 */
export function PaymentForm(props: {
  contract: ContractDetail
  /** The instalment whose row's 登记回款 opened the form. */
  instalment?: Instalment
  onClose: () => void
  onSaved: () => void
}): React.JSX.Element {
  const { contract, instalment } = props
  const [form] = Form.useForm<PaymentFormValues>()
  const { modal } = App.useApp()
  const staff = useDictOptions('staff')
  const warnings = useRef<string[]>([])
  const open = contract.instalments.filter((i) => unpaidOf(i) > 0)
  // Undefined until the form has its values: the opened-for instalment then, so the dialog is drawn with its
  // note under 回款金额 at once instead of growing by a line (and moving 保存) a moment after it opened.
  const watchedId = Form.useWatch('instalmentId', form)
  const chosenId = watchedId === undefined ? (instalment?.id ?? null) : watchedId

  const submit = async (values: PaymentFormValues): Promise<string> => {
    const answer = await call('payments.create', {
      contractId: contract.id,
      instalmentId: values.instalmentId,
      paidOn: values.paidOn ?? '',
      amount: values.amount ?? 0,
      method: values.method?.trim() || null,
      receiverStaffId: values.receiverStaffId,
      remarks: values.remarks,
    })
    warnings.current = answer.warnings
    return `已登记回款 ¥${formatAmount(answer.payment.amount)}`
  }

  return (
    <FormModal<PaymentFormValues>
      options={staff.load}
      form={form}
      title={`登记回款 · ${contract.contractNo}`}
      width={560}
      labelWidth="84px"
      initialValues={{
        paidOn: today(),
        amount: instalment ? unpaidOf(instalment) : contract.receivable > 0 ? contract.receivable : null,
        method: '转账',
        receiverStaffId: contract.staffId,
        instalmentId: instalment?.id ?? null,
        remarks: null,
      }}
      preserve={false}
      onValuesChange={(changed: Partial<PaymentFormValues>) => {
        if (!('instalmentId' in changed)) return
        const picked = contract.instalments.find((i) => i.id === changed.instalmentId)
        form.setFieldValue('amount', picked ? unpaidOf(picked) : contract.receivable || null)
      }}
      onClose={props.onClose}
      submit={submit}
      onDone={() => {
        props.onSaved()
        if (warnings.current.length > 0) {
          modal.warning({ title: '回款已登记，请注意', content: warnings.current.join('\n'), okText: '知道了' })
        }
      }}
      intro={
        <p className="kq-payment-owed">
          合同金额 ¥{formatAmount(contract.amount)}，已收 ¥{formatAmount(contract.receivedAmount)}，应收 ¥
          {formatAmount(contract.receivable)}
        </p>
      }
    >
      {/* Cleared as null, not undefined: undefined is the watch's "not yet". */}
      <Form.Item name="instalmentId" label="对应期次" normalize={(value?: number | null) => value ?? null}>
        <Select
          aria-label="对应期次"
          allowClear
          placeholder="不指定（按计划日期先后核销）"
          options={[
            ...open,
            // The instalment the form opened for stays choosable even when it was paid meanwhile.
            ...(instalment && !open.includes(instalment) ? [instalment] : []),
          ].map((i) => ({
            value: i.id,
            label: `第 ${i.seq} 期（${i.dueOn}，未收 ¥${formatAmount(unpaidOf(i))}）`,
          }))}
        />
      </Form.Item>
      <Form.Item
        name="paidOn"
        label="回款日期"
        rules={[{ required: true, message: '请填写回款日期' }]}
        {...isoDateItemProps}
      >
        <DatePicker aria-label="回款日期" style={{ width: 200 }} />
      </Form.Item>
      <Form.Item
        name="amount"
        label="回款金额"
        rules={[{ required: true, message: '请填写回款金额' }]}
        extra={chosenId ? '多于该期未收的部分计入其后各期' : undefined}
      >
        <InputNumber
          aria-label="回款金额"
          min={0.01}
          precision={2}
          {...moneyInput}
          style={{ width: 200 }}
          suffix="元"
        />
      </Form.Item>
      <Form.Item name="method" label="收款方式">
        <AutoComplete aria-label="收款方式" options={methods} style={{ width: 200 }} maxLength={20} />
      </Form.Item>
      <Form.Item name="receiverStaffId" label="收款人">
        <Select
          aria-label="收款人"
          allowClear
          placeholder="请选择"
          options={staff.options.filter((o) => !o.disabled)}
          style={{ width: 200 }}
        />
      </Form.Item>
      <Form.Item name="remarks" label="备注">
        <Input.TextArea aria-label="备注" autoSize={{ minRows: 1, maxRows: 4 }} maxLength={500} />
      </Form.Item>
    </FormModal>
  )
}
