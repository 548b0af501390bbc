import { editedKeys } from '../../../shared/editedKeys'
import { feedbackIssues, feedbackUpdateInput } from '../../../shared/feedback'
import { checkCustomer, checkDictChoices, mergedAll } from '../activity/activityChecks'
import { AppError } from '../appError'
import { recordHandlers, type RecordDefinition } from '../common/recordHandlers'
import type { FeedbackRow } from '../db/projectEntities'
import type { SqlReader } from '../db/sqlHandles'
import type { CoreContext } from '../handlerTypes'
import { feedbackTable, listFeedback } from './feedbackQueries'

type FeedbackValues = Omit<FeedbackRow, 'id' | 'customerId' | 'createdAt' | 'updatedAt'>

const valueKeys = editedKeys(feedbackUpdateInput)

/** 客户意见 of a customer; 产品 and 处理人 are dictionary items checked like every other choice. */
const feedbackRecord: RecordDefinition<'feedback', FeedbackRow> = {
  table: feedbackTable,
  customerKeys: ['customerId'],
  async created(db, input) {
    await checkCustomer(db, input.customerId)
    const values: FeedbackValues = {
      type: input.type,
      productId: input.productId ?? null,
      receivedAt: input.receivedAt,
      resolvedAt: input.resolvedAt ?? null,
      status: input.status,
      handlerId: input.handlerId ?? null,
      content: input.content ?? null,
      resolution: input.resolution ?? null,
      satisfaction: input.satisfaction ?? null,
    }
    await checkValues(db, values, null)
    return { customerId: input.customerId, ...values }
  },
  async updated(db, input, before) {
    const values: FeedbackValues = mergedAll(input, before, valueKeys)
    await checkValues(db, values, before)
    return { customerId: before.customerId, ...values }
  },
  list: listFeedback,
}

export function feedbackHandlers({ store }: CoreContext) {
  return recordHandlers(store, 'feedback', feedbackRecord)
}

async function checkValues(db: SqlReader, values: FeedbackValues, before: FeedbackRow | null): Promise<void> {
  // An update may move only one of the two dates, so the order is checked on the merged values.
  const issues = feedbackIssues(values)
  const first = Object.values(issues)[0]
  if (first) throw new AppError('VALIDATION', `输入有误：${first}`, issues)
  await checkDictChoices(db, [
    { field: 'productId', label: '产品', category: 'product', id: values.productId, before: before?.productId ?? null },
    { field: 'handlerId', label: '处理人', category: 'staff', id: values.handlerId, before: before?.handlerId ?? null },
  ])
}
