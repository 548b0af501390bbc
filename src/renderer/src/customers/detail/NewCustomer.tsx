import { CustomerCardForm } from '../card/CustomerCardForm'

/** #/customers/new: a blank card; once saved, the new customer's page. */
export function NewCustomer(): React.JSX.Element {
  return (
    <CustomerCardForm
      onSaved={(customer) => (window.location.hash = `/customers/${customer.id}`)}
      onCancel={() => (window.location.hash = '/customers')}
    />
  )
}
