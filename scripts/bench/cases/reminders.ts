import dayjs from 'dayjs'
import type { BenchCase } from '../benchCase'

/**
 * 提醒 over 100,000 customers (tens of thousands of them overdue in the demo data).
 * The scheduler's scan every few minutes must cost what changed, not the size of the
 * database; the 工作台 list must page and count without loading the reminders.
 * Baselines: the same statements replayed raw (captured by the runner).
 */
const today = dayjs().format('YYYY-MM-DD')

export const reminderCases: BenchCase[] = [
  {
    name: '提醒 到期扫描（定时，含 reminders.scan 处理）',
    // The first scan of a database looks at every customer; measured below on its own.
    setup: async (ctx) => {
      await ctx.call('reminders.scan', {})
    },
    app: (ctx) => ctx.call('reminders.scan', {}),
    // Issue #5's target is absolute (the scan runs every few minutes); the replayed SQL still shows the ratio.
    target: { ms: 10 },
    replaySql: true,
  },
  {
    name: '提醒 工作台：今日到期与逾期（首页 + 各类计数）',
    app: (ctx) => ctx.call('reminders.list', { view: 'open', dueTo: today, limit: 20 }),
    // Like the customer sheet's pages: two small statements, so validation and shaping show in the ratio.
    target: { ratio: 1.5 },
  },
  {
    name: '提醒 全量扫描（首次运行或提前天数改变后）',
    app: async (ctx) => {
      await ctx.core.store.write((db) => db.run(`DELETE FROM app_setting WHERE key = 'reminders.lastScan'`))
      return ctx.call('reminders.scan', {})
    },
    target: { ms: 5000 },
    runs: 3,
  },
]
