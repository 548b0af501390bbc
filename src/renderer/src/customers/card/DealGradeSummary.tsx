import { Tag, Typography } from 'antd'
import dayjs from 'dayjs'
import type { Customer } from '../../../../shared/customer'
import { computeDealGrade, urgency } from '../../../../shared/grading/dealGrade'
import { dealGradeColors } from '../sheet/customerColumns'

/**
 * The 成交级别 the card's fields lead to (docs/product-rules.md#deal-grade), by the one shared rule,
 * with its reason, the manual override if any, and how urgent closing is.
 */
export function DealGradeSummary({ customer }: { customer: Customer }): React.JSX.Element {
  const today = dayjs().format('YYYY-MM-DD')
  const computed = computeDealGrade(
    { demandStatus: customer.demandStatus, expectedCloseDate: customer.expectedCloseDate },
    today,
  )
  const grade = customer.dealGradeOverride ?? computed.grade
  const days = customer.expectedCloseDate ? dayjs(customer.expectedCloseDate).diff(dayjs(today), 'day') : null
  return (
    <div className="kq-grade-summary" aria-label="成交级别评定">
      <Typography.Text strong>成交级别：</Typography.Text>
      {grade ? (
        <Tag color={dealGradeColors[grade]}>{grade} 级</Tag>
      ) : (
        <Typography.Text type="secondary">未评定</Typography.Text>
      )}
      <Typography.Text type="secondary">
        {customer.dealGradeOverride
          ? `手动评定（按规则为 ${computed.grade ?? '未评定'}：${computed.reason}）`
          : computed.reason}
      </Typography.Text>
      {computed.overdue && <Tag color="red">预计成交日期已过</Tag>}
      {days !== null && days >= 0 && (
        <Typography.Text style={{ marginLeft: 16 }}>
          距预计成交 {days} 天：<Tag>{urgency(days)}</Tag>
        </Typography.Text>
      )}
    </div>
  )
}
