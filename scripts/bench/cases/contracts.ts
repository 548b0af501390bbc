import type { BenchCase } from '../benchCase'

/**
 * 合同与回款 over the demo data (about one contract per 8 customers, 1–4 instalments and
 * their payments each). Lists page and count in SQL; the aging groups in SQL (window
 * functions over the instalments); baselines: the same statements replayed raw.
 */
export const contractCases: BenchCase[] = [
  {
    name: '合同 全部列表：首页 + 计数与合计',
    app: (ctx) => ctx.call('contracts.list', { startRow: 0, endRow: 50 }),
    target: { ratio: 1.3 },
  },
  {
    name: '合同 列表：有应收的，按应收排序',
    app: (ctx) =>
      ctx.call('contracts.list', { owedOnly: true, sortBy: 'receivable', sortOrder: 'desc', startRow: 0, endRow: 50 }),
    target: { ratio: 1.3 },
  },
  {
    name: '回款记录 列表：近一年，首页 + 计数',
    app: (ctx) => ctx.call('payments.list', { paidFrom: '2025-12-01', paidTo: '2026-11-30', endRow: 50 }),
    target: { ratio: 1.3 },
  },
  {
    name: '应收账款账龄：按客户 / 按业务员',
    app: async (ctx) => {
      await ctx.call('receivables.aging', { by: 'customer', asOf: '2026-12-06' })
      return ctx.call('receivables.aging', { by: 'staff', asOf: '2026-12-06' })
    },
    target: { ratio: 1.3 },
  },
  {
    name: '回款 按月对比计划：12 个月',
    app: (ctx) => ctx.call('receivables.monthly', { from: '2025-12', to: '2026-11' }),
    target: { ratio: 1.3 },
  },
]
