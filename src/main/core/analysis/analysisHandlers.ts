import { checkCustomer } from '../activity/activityChecks'
import { localNow, localToday } from '../common/localTime'
import type { CoreContext, DomainHandlers } from '../handlerTypes'
import { analysisWorkbook } from './analysisWorkbook'
import { contactEvaluation } from './contactEvaluation'
import { extremes } from './extremes'
import { feedbackAnalysis } from './feedbackAnalysis'
import { gradeDistribution } from './gradeDistribution'
import { pareto } from './pareto'
import { ratios, ratioSets } from './ratios'
import { saveResponseNote } from './responseNotes'
import { pastPurchaseCycle, retentionPeriods } from './retention'
import { rfm } from './rfm'
import { salesPerformance } from './salesPerformance'
import { sourceDistribution } from './sourceDistribution'

type AnalysisChannel =
  | 'analysis.sources'
  | 'analysis.ratios'
  | 'analysis.ratioSets'
  | 'analysis.salesPerformance'
  | 'analysis.extremes'
  | 'analysis.setNote'
  | 'analysis.retention'
  | 'analysis.rfm'
  | 'analysis.pareto'
  | 'analysis.grades'
  | 'analysis.feedback'
  | 'analysis.contacts'
  | 'analysis.exportXlsx'

/** 统计分析 (docs/product-rules.md#analyses): read-only aggregates in SQL, the 应对措施 note, a chart's numbers to Excel. */
export function analysisHandlers({ store }: CoreContext): DomainHandlers<AnalysisChannel> {
  return {
    'analysis.sources': ({ period, dimension }) => store.read((m) => sourceDistribution(m, period, dimension)),
    'analysis.ratios': ({ period, previous, dimension }) => store.read((m) => ratios(m, period, previous, dimension)),
    'analysis.ratioSets': ({ period, previous, dimensions }) =>
      store.read((m) => ratioSets(m, period, previous, dimensions)),
    'analysis.salesPerformance': ({ year, limit }) => store.read((m) => salesPerformance(m, year, limit)),
    'analysis.extremes': ({ period, previous, topN }) => store.read((m) => extremes(m, period, previous, topN)),
    'analysis.setNote': ({ customerId, note }) =>
      store.write(async (m) => {
        await checkCustomer(m, customerId)
        return saveResponseNote(m, customerId, note, localNow())
      }),
    'analysis.retention': ({ periods, asOf, limit }) =>
      store.read(async (m) => ({
        periods: await retentionPeriods(m, periods),
        pastCycle: await pastPurchaseCycle(m, asOf, limit),
      })),
    'analysis.rfm': ({ asOf, windowMonths, perSegment }) => store.read((m) => rfm(m, asOf, windowMonths, perSegment)),
    'analysis.pareto': ({ period }) => store.read((m) => pareto(m, period)),
    'analysis.grades': () => store.read((m) => gradeDistribution(m, localToday())),
    'analysis.feedback': ({ period }) => store.read((m) => feedbackAnalysis(m, period)),
    'analysis.contacts': ({ period }) => store.read((m) => contactEvaluation(m, period)),
    'analysis.exportXlsx': (input) => analysisWorkbook(input),
  }
}
