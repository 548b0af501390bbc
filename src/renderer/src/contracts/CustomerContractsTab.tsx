import { Typography } from 'antd'
import { Loaded } from '../api/LoadFailed'
import { useLiveRefresh } from '../api/liveUpdates'
import { useQuery } from '../api/useQuery'
import { formatAmount } from '../activity/activityHelpers'
import type { CustomerOption } from '../projects/CustomerPicker'
import { ContractsList } from './ContractsList'

/** 应收 ¥x（其中逾期 ¥y）/ 信用额度 ¥z: the customer's 应收 against the limit on its card. */
function CreditSummary({ customerId }: { customerId: number }): React.JSX.Element {
  const credit = useQuery('receivables.customer', { customerId })
  useLiveRefresh(['records'], credit.reload, { customerId })
  const data = credit.data
  return (
    <Loaded query={credit} compact what="应收">
      {data && (
        <p className="kq-contract-credit" data-testid="customer-credit">
          应收{' '}
          <Typography.Text type={data.receivable > 0 ? 'danger' : undefined}>
            ¥{formatAmount(data.receivable)}
          </Typography.Text>
          （其中逾期 ¥{formatAmount(data.overdue)}）/ 信用额度{' '}
          {data.creditLimit ? `¥${formatAmount(data.creditLimit)}` : '未设置'}
          {data.overLimit && (
            <Typography.Text type="danger" strong>
              {' '}
              已超出信用额度
            </Typography.Text>
          )}
        </p>
      )}
    </Loaded>
  )
}

/** The 合同 tab of a customer's page: its 应收 against the 信用额度, and its contracts. */
export function CustomerContractsTab(props: { customer: CustomerOption }): React.JSX.Element {
  return (
    <div>
      <CreditSummary customerId={props.customer.value} />
      <ContractsList customer={props.customer} />
    </div>
  )
}
