import type { ChannelOutput, HandlerInput } from '../../../shared/contract'
import type { Caller } from '../accounts/caller'
import type { SqlReader } from '../db/sqlHandles'
import { contactEvaluation } from './contactEvaluation'
import { extremes } from './extremes'
import { feedbackAnalysis } from './feedbackAnalysis'
import { gradeDistribution } from './gradeDistribution'
import { pareto } from './pareto'
import { ratios, ratioSets } from './ratios'
import { pastPurchaseCycle, retentionPeriods } from './retention'
import { rfm } from './rfm'
import { salesPerformance } from './salesPerformance'
import { sourceDistribution } from './sourceDistribution'

/** The analyses that only read: their answers are kept until the data changes (analysisCache.ts). */
export type AnalysisRead =
  | 'analysis.sources'
  | 'analysis.ratios'
  | 'analysis.ratioSets'
  | 'analysis.salesPerformance'
  | 'analysis.extremes'
  | 'analysis.retention'
  | 'analysis.rfm'
  | 'analysis.pareto'
  | 'analysis.grades'
  | 'analysis.feedback'
  | 'analysis.contacts'

/** How each read analysis computes its answer on a read handle: the one definition the handlers and the warmer use. */
export type AnalysisComputation<C extends AnalysisRead> = (
  db: SqlReader,
  input: HandlerInput<C>,
  caller: Caller,
  today: string,
) => Promise<ChannelOutput<C>>

export const analysisComputations: { [C in AnalysisRead]: AnalysisComputation<C> } = {
  'analysis.sources': (db, { period, dimension }, caller) => sourceDistribution(db, caller, period, dimension),
  'analysis.ratios': (db, { period, previous, dimension }, caller) => ratios(db, caller, period, previous, dimension),
  'analysis.ratioSets': (db, { period, previous, dimensions }, caller) =>
    ratioSets(db, caller, period, previous, dimensions),
  'analysis.salesPerformance': (db, { year, limit }, caller) => salesPerformance(db, caller, year, limit),
  'analysis.extremes': (db, { period, previous, topN }, caller) => extremes(db, caller, period, previous, topN),
  'analysis.retention': async (db, { periods, asOf, limit }, caller) => ({
    periods: await retentionPeriods(db, caller, periods),
    pastCycle: await pastPurchaseCycle(db, caller, asOf, limit),
  }),
  'analysis.rfm': (db, { asOf, windowMonths, perSegment }, caller) => rfm(db, caller, asOf, windowMonths, perSegment),
  'analysis.pareto': (db, { period }, caller) => pareto(db, caller, period),
  'analysis.grades': (db, _input, caller, today) => gradeDistribution(db, caller, today),
  'analysis.feedback': (db, { period }, caller) => feedbackAnalysis(db, caller, period),
  'analysis.contacts': (db, { period }, caller) => contactEvaluation(db, caller, period),
}
