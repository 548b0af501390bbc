import { Tabs } from 'antd'
import type { ReactNode } from 'react'
import { navigate } from '../app/navigate'
import { DeletedContracts } from './DeletedContracts'
import './recycle.css'

/**
 * 回收站: #/recycle → the deleted customers (the customer sheet, given by the screen list),
 * #/recycle/contracts → the deleted contracts.
 */
export function RecycleBinScreen(props: { tab: string; customers: ReactNode }): React.JSX.Element {
  const active = props.tab === 'contracts' ? 'contracts' : 'customers'
  return (
    <Tabs
      className="kq-recycle-tabs"
      activeKey={active}
      onChange={(key) => navigate(key === 'contracts' ? '/recycle/contracts' : '/recycle')}
      items={[
        { key: 'customers', label: '客户', children: props.customers },
        // Mounted only when shown: the list loads (and follows changes) while someone looks at it.
        { key: 'contracts', label: '合同', children: active === 'contracts' ? <DeletedContracts /> : null },
      ]}
    />
  )
}
