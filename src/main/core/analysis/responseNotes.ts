import type { SqlWriter } from '../db/sqlHandles'

/** 应对措施: one note per customer; an emptied note is removed rather than kept as ''. */
export async function saveResponseNote(
  db: SqlWriter,
  customerId: number,
  note: string,
  time: string,
): Promise<{ customerId: number; note: string | null; updatedAt: string | null }> {
  if (note === '') {
    await db.run(`DELETE FROM customer_response_note WHERE customer_id = ?`, [customerId])
    return { customerId, note: null, updatedAt: null }
  }
  await db.run(
    `INSERT INTO customer_response_note (customer_id, note, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (customer_id) DO UPDATE SET note = excluded.note, updated_at = excluded.updated_at`,
    [customerId, note, time],
  )
  return { customerId, note, updatedAt: time }
}
