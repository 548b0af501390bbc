import { addDays } from '../../../shared/dateMath'
import { localCaller } from '../accounts/caller'
import { recordAudit } from '../accounts/auditLog'
import type { SqlWriter } from '../db/sqlHandles'
import { getSetting, setSetting } from '../prefs/prefsQueries'
import { moveCustomers } from './ownershipQueries'
import { planReclaim, shortestDays } from './planReclaim'
import { insertReclaimWarnings, reclaimCandidates, settleReclaimWarnings } from './reclaimQueries'
import { loadReclaimRule, reclaimLastRunKey } from './reclaimRuleSetting'

export interface ReclaimOutcome {
  /** Customers moved to the 公海. */
  reclaimed: number
  /** Warnings added for their owners. */
  warned: number
}

/**
 * The 回收规则's daily run, inside the reminder scan's transaction: load the
 * customers it could concern, plan (planReclaim, pure), move and warn. Once per
 * day: the scan runs every few minutes and nothing here changes within a day
 * unless the rule does (saving it clears the guard). The moves are the core's own:
 * no user in the 变更记录, one 'reclaim' line in the audit log.
 */
export async function runReclaim(db: SqlWriter, today: string, now: string): Promise<ReclaimOutcome> {
  if ((await getSetting(db, reclaimLastRunKey)) === today) return { reclaimed: 0, warned: 0 }
  const rule = await loadReclaimRule(db)
  const shortest = shortestDays(rule)
  let outcome: ReclaimOutcome = { reclaimed: 0, warned: 0 }
  if (rule.enabled && shortest !== null) {
    // Contacted after this day: not even the shortest N less the warning has passed.
    const candidates = await reclaimCandidates(db, addDays(today, rule.warnDaysBefore - shortest))
    const plan = planReclaim(today, rule, candidates)
    const reclaimed = await moveCustomers(db, plan.reclaim, null, { userId: null, now })
    const warned = await insertReclaimWarnings(db, plan.warn, now)
    await settleReclaimWarnings(db, plan.warn, now)
    if (reclaimed > 0) {
      await recordAudit(db, localCaller, 'reclaim', `按回收规则将 ${reclaimed} 个客户放回公海`, localDate(now))
    }
    outcome = { reclaimed, warned }
  } else {
    await settleReclaimWarnings(db, [], now)
  }
  await setSetting(db, reclaimLastRunKey, today)
  return outcome
}

/** `YYYY-MM-DD HH:mm:ss` local text back to a Date, so the audit line carries the run's own time. */
function localDate(now: string): Date {
  return new Date(now.replace(' ', 'T'))
}
