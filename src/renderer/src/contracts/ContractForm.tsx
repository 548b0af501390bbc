import { App, Col, DatePicker, Form, Input, InputNumber, Row, Select } from 'antd'
import { useRef, useState } from 'react'
import {
  contractStatuses,
  type ContractDetail,
  type ContractLineInput,
  type ContractStatus,
} from '../../../shared/salesContract'
import { ApiError, call } from '../api/client'
import { useDictOptions } from '../activity/activityHelpers'
import { FormModal } from '../activity/FormModal'
import { useLatestRecord } from '../activity/recordForm'
import { useCan } from '../accounts/session'
import { today } from '../customers/card/cardValues'
import { isoDateItemProps } from '../customers/card/dateInput'
import { CustomerPicker, type CustomerOption } from '../projects/CustomerPicker'
import { ContractLinesField, linesTotal, withLineAmounts, type LineValues } from './ContractLinesField'
import { askOverLimit, isOverLimit } from './creditConfirm'
import { moneyInput } from './moneyInputProps'
import { ProjectOfCustomerSelect } from './ProjectOfCustomerSelect'
import './contracts.css'

interface ContractFormValues {
  customerId: number | null
  name: string | null
  status: ContractStatus
  signedOn: string | null
  startOn: string | null
  endOn: string | null
  amount: number | null
  settlementId: number | null
  projectId: number | null
  staffId: number | null
  remarks: string | null
  lines: LineValues[]
}

function valuesOf(record: ContractDetail | undefined, customer: CustomerOption | undefined): ContractFormValues {
  return {
    customerId: record?.customerId ?? customer?.value ?? null,
    name: record?.name ?? null,
    status: record?.status ?? '执行中',
    signedOn: record ? record.signedOn : today(),
    startOn: record?.startOn ?? null,
    endOn: record?.endOn ?? null,
    amount: record?.amount ?? null,
    settlementId: record?.settlementId ?? null,
    projectId: record?.projectId ?? null,
    staffId: record?.staffId ?? null,
    remarks: record?.remarks ?? null,
    lines: (record?.lines ?? []).map(({ name, quantity, unitPrice, amount }) => ({
      name,
      quantity,
      unitPrice,
      amount,
    })),
  }
}

const statusOptions = contractStatuses.map((status) => ({ value: status, label: status }))

/**
 * 新建合同 / 修改合同 in a Modal. With 合同明细 the 金额 is their sum; a save that would take the
 * customer's 应收 past its 信用额度 asks a 主管/管理员 to confirm (the core decides, this only asks).
 */
export function ContractForm(props: {
  /** The customer whose page this is: the new contract's customer until changed. */
  customer?: CustomerOption
  record: ContractDetail | undefined
  onClose: () => void
  onSaved: (saved: ContractDetail) => void
}): React.JSX.Element {
  const { customer, onClose, onSaved } = props
  const [form] = Form.useForm<ContractFormValues>()
  const { modal } = App.useApp()
  const mayConfirm = useCan('creditOverride')
  const { record, reload } = useLatestRecord('contracts', props.record)
  const staff = useDictOptions('staff')
  const settlement = useDictOptions('settlement')
  const customerInitial: CustomerOption | undefined = record
    ? { value: record.customerId, label: record.customerName, level: null }
    : customer
  const [picked, setPicked] = useState<CustomerOption | null>(customerInitial ?? null)
  const customerId = Form.useWatch('customerId', form) ?? customerInitial?.value ?? null
  const lines = (Form.useWatch('lines', form) as LineValues[] | undefined) ?? record?.lines ?? []
  const saved = useRef<ContractDetail | null>(null)

  const send = (values: ContractFormValues, confirmOverLimit: boolean): Promise<ContractDetail> => {
    const given: ContractLineInput[] = withLineAmounts(values.lines ?? []).map((line) => ({
      name: line.name ?? '',
      quantity: line.quantity,
      unitPrice: line.unitPrice,
      amount: line.amount,
    }))
    const fields = {
      customerId: values.customerId ?? 0,
      name: values.name ?? '',
      status: values.status,
      signedOn: values.signedOn,
      startOn: values.startOn,
      endOn: values.endOn,
      // With lines the core takes their sum.
      ...(given.length > 0 ? {} : { amount: values.amount }),
      settlementId: values.settlementId,
      projectId: values.projectId,
      // Left out of a new one: the customer's 负责业务员.
      ...(record || values.staffId !== null ? { staffId: values.staffId } : {}),
      remarks: values.remarks,
      lines: given,
      ...(confirmOverLimit ? { confirmOverLimit: true } : {}),
    }
    return record
      ? call('contracts.update', { id: record.id, version: record.version, ...fields })
      : call('contracts.create', fields)
  }

  const submit = async (values: ContractFormValues): Promise<string> => {
    try {
      saved.current = await send(values, false)
    } catch (error) {
      if (!isOverLimit(error)) throw error
      if (!(await askOverLimit(modal, error.message, mayConfirm))) {
        throw new ApiError({
          code: 'CONFLICT',
          message: mayConfirm ? '合同未保存：超出信用额度' : '合同未保存：超出信用额度，需由主管或管理员确认',
        })
      }
      saved.current = await send(values, true)
    }
    return record ? '已保存合同' : `已新建合同 ${saved.current.contractNo}`
  }

  return (
    <FormModal<ContractFormValues>
      options={staff.load}
      form={form}
      title={record ? `修改合同 ${record.contractNo}` : '新建合同'}
      width={840}
      labelWidth="84px"
      initialValues={valuesOf(record, customer)}
      preserve={false}
      onValuesChange={(changed: Partial<ContractFormValues>, all) => {
        if ('customerId' in changed) form.setFieldValue('projectId', null)
        if (!('lines' in changed)) return
        const computed = withLineAmounts(all.lines ?? [])
        form.setFieldsValue({ lines: computed, ...(computed.length > 0 ? { amount: linesTotal(computed) } : {}) })
      }}
      onClose={onClose}
      submit={submit}
      onDone={() => saved.current && onSaved(saved.current)}
      reload={
        reload && {
          load: async () => {
            const latest = await reload()
            setPicked({ value: latest.customerId, label: latest.customerName, level: null })
            return valuesOf(latest, undefined)
          },
          fields: {
            customerId: { label: '客户', choices: [picked, customerInitial].filter((o) => !!o) },
            name: '合同名称',
            status: '状态',
            signedOn: '签订日期',
            startOn: '开始日期',
            endOn: '结束日期',
            amount: '金额',
            settlementId: { label: '结算方式', choices: settlement.options },
            projectId: '项目',
            staffId: { label: '业务员', choices: staff.options },
            remarks: '备注',
            lines: {
              label: '合同明细',
              format: (value) =>
                Array.isArray(value) ? (value as LineValues[]).map((l) => l.name ?? '').join('、') : '',
            },
          },
        }
      }
    >
      <Row gutter={16}>
        <Col span={14}>
          <Form.Item name="customerId" label="客户" rules={[{ required: true, message: '请选择客户' }]}>
            <CustomerPicker key={record?.version} ariaLabel="客户" initial={customerInitial} onPicked={setPicked} />
          </Form.Item>
        </Col>
        <Col span={10}>
          <Form.Item name="status" label="状态" labelCol={{ flex: '72px' }}>
            <Select aria-label="状态" options={statusOptions} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="name" label="合同名称" rules={[{ required: true, whitespace: true, message: '请填写合同名称' }]}>
        <Input aria-label="合同名称" maxLength={100} placeholder="如：2026 年度空调设备供货合同" />
      </Form.Item>
      <Row gutter={16}>
        <Col span={8}>
          <Form.Item name="signedOn" label="签订日期" {...isoDateItemProps}>
            <DatePicker aria-label="签订日期" style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="startOn" label="开始日期" labelCol={{ flex: '72px' }} {...isoDateItemProps}>
            <DatePicker aria-label="开始日期" style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="endOn" label="结束日期" labelCol={{ flex: '72px' }} {...isoDateItemProps}>
            <DatePicker aria-label="结束日期" style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item
            name="amount"
            label="合同金额"
            extra={lines.length > 0 ? '按合同明细合计' : undefined}
            rules={[
              {
                validator: async (_rule, value) => {
                  if (lines.length === 0 && typeof value !== 'number') throw new Error('请填写合同金额，或填写合同明细')
                },
              },
            ]}
          >
            <InputNumber
              aria-label="合同金额"
              min={0}
              precision={2}
              {...moneyInput}
              disabled={lines.length > 0}
              style={{ width: '100%' }}
              suffix="元"
            />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="settlementId" label="结算方式" labelCol={{ flex: '72px' }}>
            <Select
              aria-label="结算方式"
              allowClear
              placeholder="请选择"
              options={settlement.options.filter((o) => !o.disabled || o.value === record?.settlementId)}
            />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="projectId" label="项目">
            {customerId ? (
              <ProjectOfCustomerSelect key={customerId} customerId={customerId} />
            ) : (
              <Select aria-label="项目" disabled placeholder="先选择客户" />
            )}
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="staffId" label="业务员" labelCol={{ flex: '72px' }}>
            <Select
              aria-label="业务员"
              allowClear
              placeholder="默认为客户的负责业务员"
              options={staff.options.filter((o) => !o.disabled || o.value === record?.staffId)}
            />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label="合同明细">
        <ContractLinesField />
      </Form.Item>
      <Form.Item name="remarks" label="备注">
        <Input.TextArea aria-label="备注" autoSize={{ minRows: 1, maxRows: 4 }} maxLength={2000} />
      </Form.Item>
    </FormModal>
  )
}
