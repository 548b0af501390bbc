import { DeleteOutlined, PlusOutlined } from '@ant-design/icons'
import { Alert, App, Button, DatePicker, Form, Input, InputNumber, Space, Typography } from 'antd'
import { useState } from 'react'
import { isStaleEdit } from '../../../shared/editVersion'
import { fromFen, toFen, type ContractDetail } from '../../../shared/salesContract'
import { ApiError, call, errorMessage } from '../api/client'
import { formatAmount } from '../activity/activityHelpers'
import { useUnsavedGuard } from '../app/unsavedGuard'
import { isoDateItemProps } from '../customers/card/dateInput'
import { applyServerErrors } from '../customers/card/serverErrors'
import { moneyInput } from './moneyInputProps'

interface PlanRow {
  id?: number
  dueOn: string | null
  amount: number | null
  remindDaysBefore: number | null
  note: string | null
}

/** The 期次 each row will get: the core numbers the plan by date (a row without one goes last). */
function seqsOf(rows: readonly (PlanRow | undefined)[]): number[] {
  const order = rows
    .map((row, index) => ({ index, due: row?.dueOn ?? '9999-99-99' }))
    .sort((a, b) => (a.due === b.due ? a.index - b.index : a.due < b.due ? -1 : 1))
  const seqs: number[] = []
  order.forEach((entry, rank) => (seqs[entry.index] = rank + 1))
  return seqs
}

/**
 * 编辑回款计划: the whole plan saved at once (contracts.plan.set). The running total is set
 * against the contract's 金额 as it is typed; a refusal (over the 金额, a stale contract)
 * is said above the rows and keeps them as typed.
 */
export function PlanEditor(props: {
  contract: ContractDetail
  onSaved: (contract: ContractDetail) => void
  onCancel: () => void
  /** The contract changed meanwhile: load it again (the editor closes). */
  onReload: () => void
}): React.JSX.Element {
  const { contract } = props
  const { message } = App.useApp()
  const [form] = Form.useForm<{ instalments: PlanRow[] }>()
  const [refusal, setRefusal] = useState<{ text: string; stale: boolean } | null>(null)
  const [saving, setSaving] = useState(false)
  const [dirty, setDirty] = useState(false)
  const guard = useUnsavedGuard(dirty)
  const rows = (Form.useWatch('instalments', form) as PlanRow[] | undefined) ?? contract.instalments
  const totalFen = rows.reduce((sum, row) => sum + (typeof row?.amount === 'number' ? toFen(row.amount) : 0), 0)
  const leftFen = toFen(contract.amount) - totalFen
  const seqs = seqsOf(rows)

  const save = async (values: { instalments: PlanRow[] }): Promise<void> => {
    setSaving(true)
    setRefusal(null)
    try {
      const saved = await call('contracts.plan.set', {
        contractId: contract.id,
        version: contract.version,
        instalments: (values.instalments ?? []).map((row) => ({
          ...(row.id !== undefined ? { id: row.id } : {}),
          dueOn: row.dueOn ?? '',
          amount: row.amount ?? 0,
          remindDaysBefore: row.remindDaysBefore ?? 7,
          note: row.note,
        })),
      })
      guard.release()
      message.success('已保存回款计划')
      props.onSaved(saved)
    } catch (error) {
      const unplaced = error instanceof ApiError && error.fields ? applyServerErrors(form, error.fields) : []
      const stale = error instanceof ApiError && isStaleEdit(error)
      setRefusal({ text: unplaced.length > 0 ? unplaced.join('；') : errorMessage(error), stale })
    } finally {
      setSaving(false)
    }
  }

  return (
    <Form<{ instalments: PlanRow[] }>
      form={form}
      initialValues={{
        instalments: contract.instalments.map(({ id, dueOn, amount, remindDaysBefore, note }) => ({
          id,
          dueOn,
          amount,
          remindDaysBefore,
          note,
        })),
      }}
      onValuesChange={() => setDirty(true)}
      onFinish={(values) => void save(values)}
      className="kq-plan-editor"
    >
      {refusal && (
        <Alert
          type="error"
          showIcon
          title={refusal.text}
          style={{ marginBottom: 8 }}
          action={
            refusal.stale ? (
              <Button size="small" onClick={props.onReload}>
                重新载入合同
              </Button>
            ) : undefined
          }
        />
      )}
      <Form.List name="instalments">
        {(fields, { add, remove }) => (
          // Enter commits a typed date; it must not also save the whole plan.
          <div
            onKeyDown={(event) => {
              if (event.key === 'Enter' && event.target instanceof HTMLInputElement) event.preventDefault()
            }}
          >
            {fields.length > 0 && (
              <div className="kq-plan-row kq-contract-line-head">
                <Typography.Text type="secondary">期次</Typography.Text>
                <Typography.Text type="secondary">计划日期</Typography.Text>
                <Typography.Text type="secondary">金额（元）</Typography.Text>
                <Typography.Text type="secondary">提前提醒</Typography.Text>
                <Typography.Text type="secondary">备注</Typography.Text>
                <span />
              </div>
            )}
            {fields.map((field, index) => (
              <div className="kq-plan-row" key={field.key}>
                <span className="kq-plan-seq">第 {seqs[index]} 期</span>
                <Form.Item
                  name={[field.name, 'dueOn']}
                  rules={[{ required: true, message: '请填写计划日期' }]}
                  {...isoDateItemProps}
                >
                  <DatePicker aria-label={`第 ${index + 1} 行计划日期`} style={{ width: '100%' }} />
                </Form.Item>
                <Form.Item name={[field.name, 'amount']} rules={[{ required: true, message: '请填写金额' }]}>
                  <InputNumber
                    aria-label={`第 ${index + 1} 行金额`}
                    min={0.01}
                    precision={2}
                    {...moneyInput}
                    style={{ width: '100%' }}
                  />
                </Form.Item>
                <Form.Item name={[field.name, 'remindDaysBefore']}>
                  <InputNumber
                    aria-label={`第 ${index + 1} 行提前提醒天数`}
                    min={0}
                    max={365}
                    precision={0}
                    prefix="提前"
                    suffix="天"
                    style={{ width: '100%' }}
                  />
                </Form.Item>
                <Form.Item name={[field.name, 'note']}>
                  <Input aria-label={`第 ${index + 1} 行备注`} maxLength={500} />
                </Form.Item>
                <Button
                  type="text"
                  danger
                  icon={<DeleteOutlined />}
                  aria-label={`删除第 ${index + 1} 行`}
                  onClick={() => remove(field.name)}
                />
              </div>
            ))}
            <div className="kq-contract-plan-foot">
              <Button
                icon={<PlusOutlined />}
                onClick={() =>
                  add({
                    dueOn: null,
                    // The new row offers what is still left of the 金额.
                    amount: leftFen > 0 ? fromFen(leftFen) : null,
                    remindDaysBefore: 7,
                    note: null,
                  })
                }
              >
                添加一期
              </Button>
              <Typography.Text type={leftFen < 0 ? 'danger' : undefined} aria-label="计划合计">
                计划合计 ¥{formatAmount(fromFen(totalFen))} / 合同金额 ¥{formatAmount(contract.amount)}
                {leftFen < 0
                  ? `，超出 ¥${formatAmount(fromFen(-leftFen))}`
                  : leftFen > 0
                    ? `，尚有 ¥${formatAmount(fromFen(leftFen))} 未排入计划`
                    : '，已全部排入计划'}
              </Typography.Text>
              <Space>
                <Button
                  onClick={() => {
                    guard.release()
                    props.onCancel()
                  }}
                >
                  取消
                </Button>
                <Button type="primary" htmlType="submit" loading={saving}>
                  保存回款计划
                </Button>
              </Space>
            </div>
          </div>
        )}
      </Form.List>
    </Form>
  )
}
