import { customerFieldKeys, customerFieldLabels, type CustomerValues } from '../../../shared/customer'
import { recomputeLastContact, recomputeSaleStats } from '../activity/customerStats'
import { recordAudit } from '../accounts/auditLog'
import { AppError } from '../appError'
import { assertCustomersInScope } from '../common/customerScope'
import type { CustomerRow } from '../db/customerEntities'
import type { CoreContext, DomainHandlers } from '../handlerTypes'
import { refreshProjectHeat } from '../projects/projectHeat'
import { listContacts } from './contactQueries'
import { customerFieldDrafts, insertChanges } from './customerChanges'
import { derivedColumns } from './customerDerived'
import { duplicateGroups, moveReferences } from './customerMergeQueries'
import { findCustomerRow, setDeletedAt, updateCustomer } from './customerQueries'
import { localNow } from '../common/localTime'

type MergeChannel = 'customers.duplicateGroups' | 'customers.merge'

export function customerMergeHandlers({ store }: CoreContext): DomainHandlers<MergeChannel> {
  return {
    'customers.duplicateGroups': ({ limit }, caller) => store.read((db) => duplicateGroups(db, caller, limit)),

    /**
     * One transaction: the chosen values onto the survivor, every child row of the
     * others moved to it (customerReferences), the others to the 回收站, history on
     * all of them, then the survivor's statistics and search columns recomputed.
     */
    'customers.merge': ({ survivorId, mergedIds, fields }, caller) =>
      store.write(async (db) => {
        await assertCustomersInScope(db, caller, [survivorId, ...mergedIds])
        const rows = new Map<number, CustomerRow>()
        for (const id of [survivorId, ...mergedIds]) {
          const row = await findCustomerRow(db, id)
          if (!row) throw new AppError('NOT_FOUND', '要合并的客户不存在，可能已被彻底删除，请刷新后重试')
          if (row.deletedAt) throw new AppError('CONFLICT', `客户「${row.name}」（${row.code}）在回收站中，不能合并`)
          rows.set(id, row)
        }
        const survivor = rows.get(survivorId) as CustomerRow
        const merged = mergedIds.map((id) => rows.get(id) as CustomerRow)
        const time = localNow()

        const changed = customerFieldKeys.filter((key) => {
          const from = fields[key]
          return from !== undefined && (rows.get(from)?.[key] ?? null) !== (survivor[key] ?? null)
        })
        const after: CustomerValues = {
          ...survivor,
          ...Object.fromEntries(changed.map((key) => [key, (rows.get(fields[key] as number) as CustomerRow)[key]])),
        }
        // 统一社会信用代码 is unique: the merged customer gives it up before the survivor takes it.
        if (changed.includes('creditCode')) {
          const giver = rows.get(fields.creditCode as number) as CustomerRow
          await updateCustomer(db, giver.id, { creditCode: null })
          await insertChanges(
            db,
            giver.id,
            time,
            [
              {
                field: 'creditCode',
                label: customerFieldLabels.creditCode,
                oldValue: giver.creditCode,
                newValue: null,
              },
            ],
            caller.userId,
          )
        }

        // Moved contacts follow the survivor's own, customer by customer in the order given.
        await db.run(
          `UPDATE contact SET sort_order = x.n FROM (
             SELECT t.id, (SELECT COALESCE(MAX(sort_order) + 1, 0) FROM contact WHERE customer_id = ?)
               + ROW_NUMBER() OVER (ORDER BY j.key, t.sort_order, t.id) - 1 AS n
             FROM contact t JOIN json_each(?) j ON j.value = t.customer_id
           ) AS x WHERE contact.id = x.id`,
          [survivorId, JSON.stringify(mergedIds)],
        )
        const moved = await moveReferences(db, survivorId, mergedIds, { time, userId: caller.userId })

        const contacts = await listContacts(db, survivorId)
        await updateCustomer(db, survivorId, {
          ...Object.fromEntries(changed.map((key) => [key, after[key]])),
          ...derivedColumns({ ...after, code: survivor.code }, contacts),
          updatedAt: time,
          updatedBy: caller.userId,
        })
        const drafts = await customerFieldDrafts(db, changed, survivor, after)
        const names = merged.map((c) => `${c.name}（${c.code}）`).join('、')
        await insertChanges(
          db,
          survivorId,
          time,
          [{ field: 'merged', label: '合并客户', oldValue: null, newValue: names }, ...drafts],
          caller.userId,
        )

        const mergedJson = JSON.stringify(mergedIds)
        await setDeletedAt(db, mergedJson, time, time, caller.userId)
        for (const c of merged) {
          await insertChanges(
            db,
            c.id,
            time,
            [
              { field: 'merged', label: '合并到', oldValue: null, newValue: `${survivor.name}（${survivor.code}）` },
              { field: 'deleted', label: '状态', oldValue: '正常', newValue: '回收站' },
            ],
            caller.userId,
          )
        }
        await recordAudit(db, caller, 'merge', `${names} 合并到 ${survivor.name}（${survivor.code}）`)
        const all = [survivorId, ...mergedIds]
        await recomputeSaleStats(db, all)
        await recomputeLastContact(db, all)
        // Every moved project now names the survivor, whose 客情 level gives its 成交热度.
        await refreshProjectHeat(db, { customerIds: [survivorId] })
        // The merged customers lost their contacts: their search columns follow.
        for (const c of merged) {
          const fresh = (await findCustomerRow(db, c.id)) as CustomerRow
          await updateCustomer(db, c.id, derivedColumns(fresh, []))
        }
        return { survivorId, merged: mergedIds.length, moved }
      }),
  }
}
