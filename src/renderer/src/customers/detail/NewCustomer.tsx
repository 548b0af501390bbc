import { navigate } from '../../app/navigate'
import { CustomerCardForm } from '../card/CustomerCardForm'

/** #/customers/new: a blank card; once saved, the new customer's page. */
export function NewCustomer(): React.JSX.Element {
  return (
    <CustomerCardForm
      onSaved={(customer) => navigate(`/customers/${customer.id}`)}
      onCancel={() => navigate('/customers')}
    />
  )
}
