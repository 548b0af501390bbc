import { DeleteOutlined, PlusOutlined } from '@ant-design/icons'
import { Button, Form, Input, InputNumber, Typography } from 'antd'
import { fromFen, lineAmount, toFen } from '../../../shared/salesContract'
import { formatAmount } from '../activity/activityHelpers'
import { moneyInput, unitPriceInput } from './moneyInputProps'

export interface LineValues {
  name: string | null
  quantity: number | null
  unitPrice: number | null
  amount: number | null
}

/** Each line's 金额 as 数量 × 单价 where both are filled (the core checks the same). */
export function withLineAmounts(lines: readonly (LineValues | undefined)[]): LineValues[] {
  return lines.map((line) => {
    const filled = line ?? { name: null, quantity: null, unitPrice: null, amount: null }
    return typeof filled.quantity === 'number' && typeof filled.unitPrice === 'number'
      ? { ...filled, amount: lineAmount(filled.quantity, filled.unitPrice) }
      : filled
  })
}

/** The lines' sum in yuan, added in fen. */
export function linesTotal(lines: readonly LineValues[]): number {
  return fromFen(lines.reduce((sum, line) => sum + (typeof line.amount === 'number' ? toFen(line.amount) : 0), 0))
}

/**
 * 合同明细: 名称, 数量, 单价 and 金额 per line (金额 follows 数量 × 单价 when both are
 * filled); the core's message for a line shows under its field.
 */
export function ContractLinesField(): React.JSX.Element {
  const form = Form.useFormInstance()
  const lines = (Form.useWatch('lines', form) as LineValues[] | undefined) ?? []
  return (
    <Form.List name="lines">
      {(fields, { add, remove }) => (
        <div className="kq-contract-lines">
          {fields.length > 0 && (
            <div className="kq-contract-line kq-contract-line-head">
              <Typography.Text type="secondary">产品名称</Typography.Text>
              <Typography.Text type="secondary">数量</Typography.Text>
              <Typography.Text type="secondary">单价（元）</Typography.Text>
              <Typography.Text type="secondary">金额（元）</Typography.Text>
              <span />
            </div>
          )}
          {fields.map((field, index) => {
            const computed = typeof lines[index]?.quantity === 'number' && typeof lines[index]?.unitPrice === 'number'
            return (
              <div className="kq-contract-line" key={field.key}>
                <Form.Item
                  name={[field.name, 'name']}
                  rules={[{ required: true, whitespace: true, message: '请填写产品名称' }]}
                >
                  <Input aria-label={`第 ${index + 1} 行产品名称`} maxLength={100} />
                </Form.Item>
                <Form.Item name={[field.name, 'quantity']}>
                  <InputNumber aria-label={`第 ${index + 1} 行数量`} min={0} style={{ width: '100%' }} />
                </Form.Item>
                <Form.Item name={[field.name, 'unitPrice']}>
                  <InputNumber
                    aria-label={`第 ${index + 1} 行单价`}
                    min={0}
                    {...unitPriceInput}
                    style={{ width: '100%' }}
                  />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'amount']}
                  rules={[{ required: true, message: '请填写金额，或填写数量和单价' }]}
                >
                  <InputNumber
                    aria-label={`第 ${index + 1} 行金额`}
                    min={0}
                    precision={2}
                    {...moneyInput}
                    disabled={computed}
                    style={{ width: '100%' }}
                  />
                </Form.Item>
                <Button
                  type="text"
                  danger
                  icon={<DeleteOutlined />}
                  aria-label={`删除第 ${index + 1} 行`}
                  onClick={() => remove(field.name)}
                />
              </div>
            )
          })}
          <div className="kq-contract-plan-foot">
            <Button
              size="small"
              icon={<PlusOutlined />}
              onClick={() => add({ name: null, quantity: null, unitPrice: null, amount: null })}
            >
              添加明细
            </Button>
            {fields.length > 0 && (
              <Typography.Text aria-label="明细合计">
                明细合计 ¥{formatAmount(linesTotal(withLineAmounts(lines)))}（即合同金额）
              </Typography.Text>
            )}
          </div>
        </div>
      )}
    </Form.List>
  )
}
