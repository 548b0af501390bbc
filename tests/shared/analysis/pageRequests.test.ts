import { describe, expect, it } from 'vitest'
import { contract } from '../../../src/shared/contract'
import {
  defaultAnalysisRequest,
  defaultAnalysisRequests,
  defaultPeriodChoice,
  extremesInput,
  paretoInput,
  ratioSetsInput,
} from '../../../src/shared/analysis/pageRequests'

// What each page sent on opening before these functions existed, as the core receives it (JSON, key order
// included): the prefetch is taken over by the page only when the two are the same string.
const expected = {
  '2026-12-06': {
    '/analysis/retention':
      '{"periods":[{"from":"2023-01-01","to":"2024-01-01"},{"from":"2024-01-01","to":"2025-01-01"},' +
      '{"from":"2025-01-01","to":"2026-01-01"},{"from":"2026-01-01","to":"2027-01-01"}],"asOf":"2026-12-06","limit":200}',
    '/analysis/ratios':
      '{"period":{"from":"2026-01-01","to":"2027-01-01"},"previous":{"from":"2025-01-01","to":"2026-01-01"},' +
      '"dimensions":["region","salesScale","nature","industry"]}',
    '/analysis/extremes':
      '{"period":{"from":"2026-01-01","to":"2027-01-01"},"previous":{"from":"2025-01-01","to":"2026-01-01"},"topN":10}',
    '/analysis/rfm': '{"asOf":"2026-12-06","windowMonths":12,"perSegment":50}',
    '/analysis/pareto': '{"period":{"from":"2026-01-01","to":"2027-01-01"}}',
    '/analysis/sales': '{"year":2026,"limit":1000}',
  },
  '2026-01-01': {
    '/analysis/retention':
      '{"periods":[{"from":"2023-01-01","to":"2024-01-01"},{"from":"2024-01-01","to":"2025-01-01"},' +
      '{"from":"2025-01-01","to":"2026-01-01"},{"from":"2026-01-01","to":"2027-01-01"}],"asOf":"2026-01-01","limit":200}',
    '/analysis/ratios':
      '{"period":{"from":"2026-01-01","to":"2027-01-01"},"previous":{"from":"2025-01-01","to":"2026-01-01"},' +
      '"dimensions":["region","salesScale","nature","industry"]}',
    '/analysis/extremes':
      '{"period":{"from":"2026-01-01","to":"2027-01-01"},"previous":{"from":"2025-01-01","to":"2026-01-01"},"topN":10}',
    '/analysis/rfm': '{"asOf":"2026-01-01","windowMonths":12,"perSegment":50}',
    '/analysis/pareto': '{"period":{"from":"2026-01-01","to":"2027-01-01"}}',
    '/analysis/sales': '{"year":2026,"limit":1000}',
  },
  // The last day of a year still counts that year, not the next.
  '2025-12-31': {
    '/analysis/pareto': '{"period":{"from":"2025-01-01","to":"2026-01-01"}}',
    '/analysis/sales': '{"year":2025,"limit":1000}',
    '/analysis/rfm': '{"asOf":"2025-12-31","windowMonths":12,"perSegment":50}',
  },
} as const

describe('the heavy analysis pages’ opening requests', () => {
  for (const [today, pages] of Object.entries(expected)) {
    it(`are, on ${today}, exactly what each page sends`, () => {
      const requests = defaultAnalysisRequests(today)
      for (const [route, json] of Object.entries(pages)) {
        const request = requests.find((r) => r.route === route)
        expect(request, route).toBeDefined()
        expect(JSON.stringify(request?.input), route).toBe(json)
      }
    })
  }

  it('name six pages, each once, on their channels', () => {
    const requests = defaultAnalysisRequests('2026-12-06')
    expect(requests.map((r) => [r.route, r.channel])).toEqual([
      ['/analysis/retention', 'analysis.retention'],
      ['/analysis/ratios', 'analysis.ratioSets'],
      ['/analysis/extremes', 'analysis.extremes'],
      ['/analysis/rfm', 'analysis.rfm'],
      ['/analysis/pareto', 'analysis.pareto'],
      ['/analysis/sales', 'analysis.salesPerformance'],
    ])
    expect(defaultAnalysisRequest('/analysis/pareto', '2026-12-06')?.channel).toBe('analysis.pareto')
    expect(defaultAnalysisRequest('/analysis/sources', '2026-12-06')).toBeUndefined()
    expect(defaultAnalysisRequest('/analysis', '2026-12-06')).toBeUndefined()
  })

  it('pass the contract unchanged (nothing left for a default to fill in)', () => {
    for (const request of defaultAnalysisRequests('2026-12-06')) {
      const parsed = contract[request.channel].input.safeParse(request.input)
      expect(parsed.success, request.channel).toBe(true)
      expect(JSON.stringify(parsed.data), request.channel).toBe(JSON.stringify(request.input))
    }
  })

  it('follow the page’s state after a change the same way (one builder for the page and the prefetch)', () => {
    const choice = defaultPeriodChoice('2026-12-06')
    expect(choice).toEqual({ kind: 'year', period: { from: '2026-01-01', to: '2027-01-01' } })
    const month = { kind: 'month' as const, period: { from: '2026-03-01', to: '2026-04-01' } }
    expect(paretoInput(month)).toEqual({ period: month.period })
    expect(extremesInput(month, 20).previous).toEqual({ from: '2026-02-01', to: '2026-03-01' })
    expect(ratioSetsInput(month, 'city').dimensions).toEqual(['city', 'salesScale', 'nature', 'industry'])
  })
})
