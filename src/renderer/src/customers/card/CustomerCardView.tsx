import { Form } from 'antd'
import type { Customer } from '../../../../shared/customer'
import { CardFieldValue, StatValue } from './CardFieldValue'
import { cardFormProps } from './cardFormProps'
import { ContactsTable } from './ContactsTable'
import { CustomerCardLayout } from './CustomerCardLayout'
import { DealGradeSummary } from './DealGradeSummary'
import type { CardLookups } from './useCardLookups'

/** The 客户信息登记卡 read-only: the same sections and grid as the form, values shown by their labels. */
export function CustomerCardView({
  customer,
  lookups,
}: {
  customer: Customer
  lookups: CardLookups
}): React.JSX.Element {
  return (
    // A Form only for its label grid, so the read-only card lines up exactly like the editable one.
    <Form {...cardFormProps} component="div">
      <CustomerCardLayout
        code={customer.code}
        registeredAt={customer.registeredAt}
        kind={customer.kind}
        completeness={customer.completeness}
        renderField={(field) => <CardFieldValue field={field} customer={customer} lookups={lookups} />}
        renderStat={(stat) => <StatValue stat={stat} customer={customer} />}
        contacts={<ContactsTable contacts={customer.contacts} />}
        gradeSummary={<DealGradeSummary customer={customer} />}
      />
    </Form>
  )
}
