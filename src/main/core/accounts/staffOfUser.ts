import type { Role } from '../../../shared/accounts'
import { AppError } from '../appError'
import type { SqlWriter } from '../db/sqlHandles'
import { findByLabel, findItem, insertItem, nextSortOrder } from '../dictionary/dictionaryQueries'
import { userOfStaff } from './userQueries'

/**
 * The 业务员 item a user stands for. A chosen item must be a 业务员 not already
 * taken by another user. A 业务员 without one gets the item of their name — an
 * existing 负责业务员 of that name keeps its customers — or a new item.
 */
export async function staffOfUser(
  db: SqlWriter,
  wanted: { staffId: number | null; role: Role; name: string; userId: number | null },
): Promise<number | null> {
  let staffId = wanted.staffId
  if (staffId !== null) {
    const item = await findItem(db, staffId)
    if (!item || item.category !== 'staff')
      throw new AppError('VALIDATION', '所选业务员不存在', { staffId: '所选业务员不存在' })
  } else if (wanted.role === 'sales') {
    const sameName = await findByLabel(db, 'staff', wanted.name)
    staffId =
      sameName?.id ??
      (await insertItem(db, {
        category: 'staff',
        label: wanted.name,
        sortOrder: await nextSortOrder(db, 'staff'),
        enabled: true,
        cycleDays: null,
        groupName: null,
      }))
  }
  if (staffId === null) return null
  const holder = await userOfStaff(db, staffId)
  if (holder && holder.id !== wanted.userId) {
    const item = await findItem(db, staffId)
    throw new AppError(
      'CONFLICT',
      `业务员「${item?.label ?? ''}」已对应用户「${holder.name}」，一个业务员只能对应一个用户`,
      {
        staffId: '该业务员已有对应用户',
      },
    )
  }
  return staffId
}
