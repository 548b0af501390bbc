import { Tabs } from 'antd'
import { navigate } from '../app/navigate'
import { ContractPage } from './ContractPage'
import { ContractsList } from './ContractsList'
import { PaymentsList } from './PaymentsList'

/** #/contracts → 合同 and 回款 tabs; #/contracts/payments → the 回款 tab; #/contracts/<id> → that contract. */
export function ContractsScreen({ subPath }: { subPath: string }): React.JSX.Element {
  const id = Number(subPath)
  if (Number.isInteger(id) && id > 0) return <ContractPage key={id} id={id} />
  return (
    <Tabs
      activeKey={subPath === 'payments' ? 'payments' : 'contracts'}
      onChange={(key) => navigate(key === 'payments' ? '/contracts/payments' : '/contracts')}
      items={[
        { key: 'contracts', label: '合同', children: <ContractsList /> },
        { key: 'payments', label: '回款', children: <PaymentsList /> },
      ]}
    />
  )
}
