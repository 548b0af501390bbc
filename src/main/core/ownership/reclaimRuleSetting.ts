import { defaultReclaimRule, reclaimRuleSchema, type ReclaimRule } from '../../../shared/ownership'
import type { SqlReader, SqlWriter } from '../db/sqlHandles'
import { getSetting, setSetting } from '../prefs/prefsQueries'

const ruleKey = 'ownership.reclaimRule'
/** The day the 回收规则 last ran: the reminder scan runs every few minutes, the rule once a day. */
export const reclaimLastRunKey = 'ownership.reclaimLastRun'

/** The stored rule, or the default (off) when none is stored or it no longer reads as a rule. */
export async function loadReclaimRule(db: SqlReader): Promise<ReclaimRule> {
  const json = await getSetting(db, ruleKey)
  if (json === null) return defaultReclaimRule
  try {
    const parsed = reclaimRuleSchema.safeParse(JSON.parse(json))
    return parsed.success ? parsed.data : defaultReclaimRule
  } catch {
    return defaultReclaimRule
  }
}

/** Saves the rule; the next reminder scan applies it, even on a day the rule already ran. */
export async function saveReclaimRule(db: SqlWriter, rule: ReclaimRule): Promise<void> {
  await setSetting(db, ruleKey, JSON.stringify(rule))
  await db.run(`DELETE FROM app_setting WHERE key = ?`, [reclaimLastRunKey])
}
