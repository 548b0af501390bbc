import { checkCustomer } from '../activity/activityChecks'
import { assertCustomersInScope } from '../common/customerScope'
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

/**
 * 统计分析 (docs/product-rules.md#analyses): read-only aggregates in SQL over the customers the caller
 * sees (customerScope), the 应对措施 note, a chart's numbers to Excel.
 */
export function analysisHandlers({ store }: CoreContext): DomainHandlers<AnalysisChannel> {
  return {
    'analysis.sources': ({ period, dimension }, caller) =>
      store.read((db) => sourceDistribution(db, caller, period, dimension)),
    'analysis.ratios': ({ period, previous, dimension }, caller) =>
      store.read((db) => ratios(db, caller, period, previous, dimension)),
    'analysis.ratioSets': ({ period, previous, dimensions }, caller) =>
      store.read((db) => ratioSets(db, caller, period, previous, dimensions)),
    'analysis.salesPerformance': ({ year, limit }, caller) =>
      store.read((db) => salesPerformance(db, caller, year, limit)),
    'analysis.extremes': ({ period, previous, topN }, caller) =>
      store.read((db) => extremes(db, caller, period, previous, topN)),
    'analysis.setNote': ({ customerId, note }, caller) =>
      store.write(async (db) => {
        await assertCustomersInScope(db, caller, [customerId])
        await checkCustomer(db, customerId)
        return saveResponseNote(db, customerId, note, localNow())
      }),
    'analysis.retention': ({ periods, asOf, limit }, caller) =>
      store.read(async (db) => ({
        periods: await retentionPeriods(db, caller, periods),
        pastCycle: await pastPurchaseCycle(db, caller, asOf, limit),
      })),
    'analysis.rfm': ({ asOf, windowMonths, perSegment }, caller) =>
      store.read((db) => rfm(db, caller, asOf, windowMonths, perSegment)),
    'analysis.pareto': ({ period }, caller) => store.read((db) => pareto(db, caller, period)),
    'analysis.grades': (_input, caller) => store.read((db) => gradeDistribution(db, caller, localToday())),
    'analysis.feedback': ({ period }, caller) => store.read((db) => feedbackAnalysis(db, caller, period)),
    'analysis.contacts': ({ period }, caller) => store.read((db) => contactEvaluation(db, caller, period)),
    // Reads nothing: it lays out the rows the caller sends, which came from the channels above and so
    // already hold only the customers the caller sees.
    'analysis.exportXlsx': (input) => analysisWorkbook(input),
  }
}
