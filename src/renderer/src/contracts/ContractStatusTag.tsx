import { Tag } from 'antd'
import type { ContractStatus } from '../../../shared/salesContract'

const statusColors: Record<ContractStatus, string> = {
  草拟: 'default',
  执行中: 'blue',
  已完成: 'green',
  已终止: 'red',
}

/** A contract's 状态 in the same colour on the list, the contract page and the customer's tab. */
export function ContractStatusTag({ status }: { status: ContractStatus }): React.JSX.Element {
  return (
    <Tag color={statusColors[status]} className="kq-contract-status">
      {status}
    </Tag>
  )
}
