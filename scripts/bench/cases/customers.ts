import type { BenchCase, BenchContext } from '../benchCase'

/** The region id the filter case uses: the first 所属区域 item (华北 in the seeded dictionary). */
async function firstRegionId(ctx: BenchContext): Promise<number> {
  const [row] = (await ctx.raw.all(
    `SELECT id FROM dict_item WHERE category = 'region' ORDER BY sort_order LIMIT 1`,
  )) as { id: number }[]
  if (!row) throw new Error('测试数据中没有所属区域字典项')
  return row.id
}

const page = { startRow: 0, endRow: 100 }

/**
 * The customer sheet (AG Grid's infinite model asks for 100 rows at a time) over
 * 100,000 customers: the first page in the default order, sorted by an
 * unindexed column, a quick search and a dictionary + grade filter. Baseline:
 * the same statements replayed raw.
 */
export const customerCases: BenchCase[] = [
  {
    name: '客户列表 首页（默认排序）',
    app: (ctx) => ctx.call('customers.list', page),
    target: { ratio: 1.5 },
  },
  {
    name: '客户列表 按交易金额降序',
    app: (ctx) => ctx.call('customers.list', { ...page, sort: [{ colId: 'transactionAmount', sort: 'desc' }] }),
    target: { ratio: 1.5 },
  },
  {
    name: '客户列表 第 500 页',
    app: (ctx) => ctx.call('customers.list', { startRow: 50_000, endRow: 50_100 }),
    target: { ratio: 1.5 },
  },
  {
    name: '客户列表 快速搜索「zh」',
    app: (ctx) => ctx.call('customers.list', { ...page, quick: 'zh' }),
    target: { ratio: 1.5 },
  },
  {
    name: '客户列表 区域 + 成交级别筛选',
    app: async (ctx) =>
      ctx.call('customers.list', {
        ...page,
        filters: { regionId: [await firstRegionId(ctx)], dealGrade: ['A', 'B'] },
      }),
    target: { ratio: 1.5 },
  },
]
