import type { BenchCase, BenchContext } from '../benchCase'
import { defaultSheetColumns } from '../../../src/shared/customerList'

/** The first 1,000 customers (or all of a small dataset), as a selection in the sheet would send them. */
async function thousandIds(ctx: BenchContext): Promise<number[]> {
  const rows = (await ctx.raw.all(`SELECT id FROM customer WHERE deleted_at IS NULL ORDER BY id LIMIT 1000`)) as {
    id: number
  }[]
  return rows.map((r) => r.id)
}

async function firstRegionId(ctx: BenchContext): Promise<number> {
  const [row] = (await ctx.raw.all(
    `SELECT id FROM dict_item WHERE category = 'region' ORDER BY sort_order LIMIT 1`,
  )) as { id: number }[]
  if (!row) throw new Error('测试数据中没有所属区域字典项')
  return row.id
}

/** The sheet's default visible columns. */
const defaultColumns = defaultSheetColumns.map((key) => ({ key }))

/**
 * Excel exports (issue 7): 1,000 客户信息登记卡 in one workbook (target < 10 s),
 * and the sheet's view of one 所属区域 (about a seventh of the customers) with
 * the default columns. Absolute targets: the work is building the .xlsx, not SQL.
 */
export const excelExportCases: BenchCase[] = [
  {
    name: '导出登记卡 1000 张',
    app: async (ctx) => ctx.call('export.customerCards', { ids: await thousandIds(ctx) }),
    target: { ms: 10_000 },
    runs: 3,
  },
  {
    name: '导出客户列表 一个区域（默认列）',
    app: async (ctx) =>
      ctx.call('export.customerSheet', {
        columns: defaultColumns,
        sort: [{ colId: 'transactionAmount', sort: 'desc' }],
        filters: { regionId: [await firstRegionId(ctx)] },
      }),
    target: { ms: 15_000 },
    runs: 3,
  },
]
