import { Empty } from 'antd'

/** 回款记录 of a customer or a contract (its full list comes with the 回款 screen). */
export function PaymentsList(_props: { customerId?: number; contractId?: number }): React.JSX.Element {
  return <Empty description="回款记录" />
}
