import { checkCustomer } from '../activity/activityChecks'
import { assertCustomersInScope } from '../common/customerScope'
import { localNow, localToday } from '../common/localTime'
import type { CoreContext, DomainHandlers, Handler } from '../handlerTypes'
import { analysisComputations, type AnalysisRead } from './analysisComputations'
import { analysisWorkbook } from './analysisWorkbook'
import { saveResponseNote } from './responseNotes'

type AnalysisChannel = AnalysisRead | 'analysis.setNote' | 'analysis.exportXlsx'

/**
 * 统计分析 (docs/product-rules.md#analyses): read-only aggregates in SQL over the customers the caller
 * sees (customerScope), kept until the data changes when the core keeps answers (ctx.analyses);
 * the 应对措施 note; a chart's numbers to Excel.
 */
export function analysisHandlers({ store, analyses }: CoreContext): DomainHandlers<AnalysisChannel> {
  const read =
    <C extends AnalysisRead>(channel: C): Handler<C> =>
    (input, caller) => {
      const today = localToday()
      const compute = () => store.read((db) => analysisComputations[channel](db, input, caller, today))
      return analyses ? analyses.answer(channel, input, caller, today, compute) : compute()
    }
  return {
    'analysis.sources': read('analysis.sources'),
    'analysis.ratios': read('analysis.ratios'),
    'analysis.ratioSets': read('analysis.ratioSets'),
    'analysis.salesPerformance': read('analysis.salesPerformance'),
    'analysis.extremes': read('analysis.extremes'),
    'analysis.retention': read('analysis.retention'),
    'analysis.rfm': read('analysis.rfm'),
    'analysis.pareto': read('analysis.pareto'),
    'analysis.grades': read('analysis.grades'),
    'analysis.feedback': read('analysis.feedback'),
    'analysis.contacts': read('analysis.contacts'),
    'analysis.setNote': ({ customerId, note }, caller) =>
      store.write(async (db) => {
        await assertCustomersInScope(db, caller, [customerId])
        await checkCustomer(db, customerId)
        return saveResponseNote(db, customerId, note, localNow())
      }),
    // Reads nothing: it lays out the rows the caller sends, which came from the channels above and so
    // already hold only the customers the caller sees.
    'analysis.exportXlsx': (input) => analysisWorkbook(input),
  }
}
