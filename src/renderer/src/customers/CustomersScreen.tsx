import { CustomerDetail, NewCustomer } from './detail/CustomerDetail'
import { CustomerSheet } from './sheet/CustomerSheet'

/** #/customers → the sheet; #/customers/new → a blank card; #/customers/<id> → that customer. */
export function CustomersScreen({ subPath }: { subPath: string }): React.JSX.Element {
  if (subPath === 'new') return <NewCustomer />
  const id = Number(subPath)
  if (Number.isInteger(id) && id > 0) return <CustomerDetail key={id} id={id} />
  return <CustomerSheet />
}
