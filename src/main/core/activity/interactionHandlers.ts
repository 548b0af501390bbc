import { recordHandlers } from '../common/recordHandlers'
import type { CoreContext } from '../handlerTypes'
import { interactionRecord } from './createInteraction'

/** 交往记录: every write recomputes 最近联系 of the customers it touched, in the same transaction. */
export function interactionHandlers({ store }: CoreContext) {
  return recordHandlers(store, 'interactions', interactionRecord)
}
