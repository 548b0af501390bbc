import type { GreetingListInput, GreetingRecipient } from '../../../shared/reminder'
import { addDays } from '../../../shared/dateMath'
import type { Caller } from '../accounts/caller'
import { andCustomerScope } from '../common/customerScope'
import type { SqlReader } from '../db/sqlHandles'

/** Lists for 群发问候 (暗送 e-mail, SMS): who to greet and where to reach them. */

/** The most a festival list holds: more than any office mails by hand. */
const maxFestivalRecipients = 5000

interface RecipientRow {
  customer_id: number
  customer_name: string
  contact_name: string | null
  email: string | null
  mobile: string | null
}

const toRecipient = (r: RecipientRow): GreetingRecipient => ({
  customerId: r.customer_id,
  customerName: r.customer_name,
  contactName: r.contact_name,
  email: r.email,
  mobile: r.mobile,
})

/** One person per customer: its key contact (关键联系人), else its first; the customer's own e-mail when the contact has none. */
const perCustomer = `SELECT c.id AS customer_id, c.name AS customer_name, ct.name AS contact_name,
    COALESCE(ct.email, c.email) AS email, ct.mobile
  FROM customer c
  LEFT JOIN contact ct ON ct.id = (
    SELECT x.id FROM contact x WHERE x.customer_id = c.id ORDER BY x.is_key DESC, x.sort_order, x.id LIMIT 1)`

/** The people to greet among the customers in the caller's scope. */
export async function greetingRecipients(
  db: SqlReader,
  input: GreetingListInput,
  today: string,
  caller: Caller,
): Promise<GreetingRecipient[]> {
  const scope = andCustomerScope(caller)
  if (input.source === 'customers') {
    const rows = await db.all<RecipientRow>(
      `${perCustomer} WHERE c.id IN (SELECT value FROM json_each(?)) AND c.deleted_at IS NULL${scope.sql}
       ORDER BY c.pinyin, c.id`,
      [JSON.stringify(input.customerIds), ...scope.params],
    )
    return rows.map(toRecipient)
  }
  if (input.source === 'festival') {
    // 重要/核心客户 and the closest relationships (客情 I–II) are the ones an office greets.
    const rows = await db.all<RecipientRow>(
      `${perCustomer} WHERE c.deleted_at IS NULL
         AND (c.value_class IN ('重要客户', '核心客户') OR c.relationship_level IN ('I', 'II'))${scope.sql}
       ORDER BY c.pinyin, c.id LIMIT ?`,
      [...scope.params, maxFestivalRecipients],
    )
    return rows.map(toRecipient)
  }
  // The people whose birthday reminders fall in the window: a contact, or the customer itself.
  const rows = await db.all<RecipientRow>(
    `SELECT r.customer_id, c.name AS customer_name, COALESCE(ct.name, c.name) AS contact_name,
       CASE WHEN r.contact_id IS NULL THEN c.email ELSE ct.email END AS email,
       CASE WHEN r.contact_id IS NULL THEN c.phone ELSE ct.mobile END AS mobile
     FROM reminder r
     JOIN customer c ON c.id = r.customer_id AND c.deleted_at IS NULL
     LEFT JOIN contact ct ON ct.id = r.contact_id
     WHERE r.kind = 'birthday' AND r.status <> 'ignored' AND r.due_date BETWEEN ? AND ?${scope.sql}
     ORDER BY r.due_date, r.id`,
    [today, addDays(today, input.days), ...scope.params],
  )
  return rows.map(toRecipient)
}
