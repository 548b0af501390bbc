import type { DictionaryCategory } from '../../../shared/dictionary'
import { AppError } from '../appError'
import type { SqlReader } from '../db/sqlHandles'
import { dictItemsByIds } from '../dictionary/dictionaryQueries'

/**
 * Checks of a 交往记录 or 交易记录 before anything is written. Each throws an
 * AppError with the field, so a refused write changes nothing.
 */

/** The customer a record is written for must exist and not be in the 回收站. */
export async function checkCustomer(db: SqlReader, customerId: number): Promise<void> {
  const row = await db.first<{ deleted_at: string | null }>(`SELECT deleted_at FROM customer WHERE id = ?`, [
    customerId,
  ])
  if (!row) throw new AppError('NOT_FOUND', '客户不存在，可能已被彻底删除', { customerId: '客户不存在' })
  if (row.deleted_at) {
    throw new AppError('VALIDATION', '客户在回收站中，请先从回收站恢复', { customerId: '客户在回收站中' })
  }
}

/** The contact must be one of the customer's. */
export async function checkContact(db: SqlReader, contactId: number | null, customerId: number) {
  if (contactId === null) return
  const row = await db.first<{ found: number }>(`SELECT 1 AS found FROM contact WHERE id = ? AND customer_id = ?`, [
    contactId,
    customerId,
  ])
  if (!row) {
    throw new AppError('VALIDATION', '输入有误：所选联系人不是该客户的联系人，可能已被删除', {
      contactId: '所选联系人不属于该客户',
    })
  }
}

export interface DictChoice {
  field: string
  label: string
  category: DictionaryCategory
  id: number | null
  /** The value stored before: a disabled item may stay, it may not be newly chosen. */
  before: number | null
}

/** Each chosen id must be an item of its dictionary, enabled unless it was already there. */
export async function checkDictChoices(db: SqlReader, choices: DictChoice[]): Promise<void> {
  const items = await dictItemsByIds(
    db,
    choices.map((c) => c.id).filter((id): id is number => id !== null),
  )
  const issues: Record<string, string> = {}
  for (const choice of choices) {
    if (choice.id === null) continue
    const item = items.get(choice.id)
    if (!item || item.category !== choice.category) issues[choice.field] = `所选${choice.label}不存在，可能已被删除`
    else if (!item.enabled && item.id !== choice.before) {
      issues[choice.field] = `${choice.label}「${item.label}」已停用，请选择其他项`
    }
  }
  const first = Object.values(issues)[0]
  if (first) throw new AppError('VALIDATION', `输入有误：${first}`, issues)
}

/** The value after an update: the given one, or the stored one when the key was left out. */
export function merged<T>(given: T | undefined, stored: T): T {
  return given === undefined ? stored : given
}

/** `merged` for each of the keys: what an update keeps of the stored row and takes from the input. */
export function mergedAll<Stored, K extends keyof Stored>(
  input: { [P in K]?: Stored[P] },
  stored: Stored,
  keys: readonly K[],
): Pick<Stored, K> {
  return Object.fromEntries(keys.map((key) => [key, merged(input[key], stored[key])])) as Pick<Stored, K>
}
