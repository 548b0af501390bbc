import dayjs from 'dayjs'
import { calendarPeriod } from '../../../src/shared/analysis/period'
import type { BenchCase, BenchContext } from '../benchCase'

/**
 * Issue #17: the hot paths as a 业务员, over 100,000 customers owned by 20 users
 * (about 4,800 each, as many again in the 公海). The app side runs through the
 * dispatch with the 业务员's session (the caller looked up, the permission checked,
 * the scope in the SQL); the baseline replays the very SQL the app sent, raw. Each
 * case turns accounts on for itself and off again, so the cases around it (and the
 * browser timings) still run in single-PC mode.
 */
const users = 20
const staffLabel = (i: number): string => `压测业务员${String(i + 1).padStart(2, '0')}`
const today = dayjs().format('YYYY-MM-DD')
const year = dayjs().year()
const period = calendarPeriod('year', year)
const previous = calendarPeriod('year', year - 1)

let token = ''

async function dispatch(ctx: BenchContext, channel: string, input: unknown, as = token): Promise<unknown> {
  const result = await ctx.core.dispatch(channel, input, as)
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`)
  return result.value
}

/** 20 业务员 items sharing the customers round-robin, one share in 21 left in the 公海; done once per working copy. */
async function shareOutCustomers(ctx: BenchContext): Promise<number> {
  return ctx.core.store.write(async (db) => {
    const ids: number[] = []
    for (let i = 0; i < users; i++) {
      const found = await db.first<{ id: number }>(`SELECT id FROM dict_item WHERE category = 'staff' AND label = ?`, [
        staffLabel(i),
      ])
      ids.push(
        found?.id ??
          (
            await db.run(`INSERT INTO dict_item (category, label, sort_order, enabled) VALUES ('staff', ?, ?, 1)`, [
              staffLabel(i),
              1000 + i,
            ])
          ).lastId,
      )
    }
    await db.run(
      `UPDATE customer SET owner_staff_id = CASE id % ${users + 1} ${ids.map((id, i) => `WHEN ${i} THEN ${id}`).join(' ')} ELSE NULL END`,
    )
    return ids[0] as number
  })
}

async function signInAsSales(ctx: BenchContext): Promise<void> {
  const staffId = await shareOutCustomers(ctx)
  const admin = { login: 'bench-admin', password: 'bench-secret' }
  const on = (await dispatch(ctx, 'auth.enable', { ...admin, name: '压测管理员', staffId: null }, '')) as {
    token: string
  }
  const existing = (await dispatch(ctx, 'users.list', {}, on.token)) as { login: string }[]
  if (!existing.some((u) => u.login === 'bench-sales')) {
    await dispatch(
      ctx,
      'users.create',
      {
        login: 'bench-sales',
        name: staffLabel(0),
        role: 'sales',
        password: 'bench-secret',
        staffId,
        customerLimit: null,
      },
      on.token,
    )
  }
  token = (
    (await dispatch(ctx, 'auth.login', { login: 'bench-sales', password: 'bench-secret', remember: false }, '')) as {
      token: string
    }
  ).token
}

async function signOff(ctx: BenchContext): Promise<void> {
  const admin = (await dispatch(
    ctx,
    'auth.login',
    { login: 'bench-admin', password: 'bench-secret', remember: false },
    '',
  )) as {
    token: string
  }
  await dispatch(ctx, 'auth.disable', {}, admin.token)
  token = ''
}

const asSales = (name: string, channel: string, input: unknown, ratio: number): BenchCase => ({
  name: `业务员 ${name}`,
  setup: signInAsSales,
  app: (ctx) => dispatch(ctx, channel, input),
  teardown: signOff,
  target: { ratio },
})

export const accountCases: BenchCase[] = [
  asSales('客户列表首页（默认排序）', 'customers.list', { startRow: 0, endRow: 100 }, 1.5),
  asSales('客户列表快速搜索「zh」', 'customers.list', { startRow: 0, endRow: 100, quick: 'zh' }, 1.5),
  asSales('工作台：今日到期与逾期', 'reminders.list', { view: 'open', dueTo: today, limit: 20 }, 1.5),
  {
    ...asSales(
      '比率分析整页',
      'analysis.ratioSets',
      {
        period,
        previous,
        dimensions: ['region', 'salesScale', 'nature', 'industry'],
      },
      1.3,
    ),
    runs: 5,
  },
]
