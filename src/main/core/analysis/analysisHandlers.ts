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
    'analysis.sources': ({ period, dimension }) => store.read((db) => sourceDistribution(db, period, dimension)),
    'analysis.ratios': ({ period, previous, dimension }) => store.read((db) => ratios(db, period, previous, dimension)),
    'analysis.ratioSets': ({ period, previous, dimensions }) =>
      store.read((db) => ratioSets(db, period, previous, dimensions)),
    'analysis.salesPerformance': ({ year, limit }) => store.read((db) => salesPerformance(db, year, limit)),
    'analysis.extremes': ({ period, previous, topN }) => store.read((db) => extremes(db, period, previous, topN)),
    'analysis.setNote': ({ customerId, note }) =>
      store.write(async (db) => {
        await checkCustomer(db, customerId)
        return saveResponseNote(db, customerId, note, localNow())
      }),
    'analysis.retention': ({ periods, asOf, limit }) =>
      store.read(async (db) => ({
        periods: await retentionPeriods(db, periods),
        pastCycle: await pastPurchaseCycle(db, asOf, limit),
      })),
    'analysis.rfm': ({ asOf, windowMonths, perSegment }) => store.read((db) => rfm(db, asOf, windowMonths, perSegment)),
    'analysis.pareto': ({ period }) => store.read((db) => pareto(db, period)),
    'analysis.grades': () => store.read((db) => gradeDistribution(db, localToday())),
    'analysis.feedback': ({ period }) => store.read((db) => feedbackAnalysis(db, period)),
    'analysis.contacts': ({ period }) => store.read((db) => contactEvaluation(db, period)),
    'analysis.exportXlsx': (input) => analysisWorkbook(input),
  }
}
