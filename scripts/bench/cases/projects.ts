import type { BenchCase } from '../benchCase'

/**
 * 项目, 客户意见 and the global 交往记录 over the demo data (about one project per 20
 * customers, one 意见 per 4, five 交往记录 per customer). Each list pages and counts in SQL;
 * baselines: the same statements replayed raw (captured by the runner).
 */
export const projectCases: BenchCase[] = [
  {
    name: '项目 全部列表：按成交热度排序，首页 + 计数',
    app: (ctx) => ctx.call('projects.list', { sortBy: 'heat', sortOrder: 'desc', startRow: 0, endRow: 50 }),
    target: { ratio: 1.3 },
  },
  {
    name: '项目 列表：投标/中标阶段且热度 ≥ 50%',
    app: (ctx) => ctx.call('projects.list', { stages: ['投标', '中标'], heatMin: 50, startRow: 0, endRow: 50 }),
    target: { ratio: 1.3 },
  },
  {
    name: '客户意见 列表：近一年的投诉，首页 + 计数',
    app: (ctx) =>
      ctx.call('feedback.list', { types: ['投诉'], dateFrom: '2025-01-01', dateTo: '2026-12-31', endRow: 50 }),
    target: { ratio: 1.3 },
  },
  {
    name: '交往记录 全部列表：按交往方式筛选，首页 + 计数',
    app: async (ctx) => {
      const types = await ctx.call<{ id: number }[]>('dictionary.list', { category: 'interactionType' })
      return ctx.call('interactions.list', { typeIds: types.slice(0, 1).map((t) => t.id), endRow: 50 })
    },
    target: { ratio: 1.3 },
  },
]
