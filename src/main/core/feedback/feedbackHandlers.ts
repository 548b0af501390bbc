import type { EntityManager } from 'typeorm'
import { feedbackIssues } from '../../../shared/feedback'
import { checkCustomer, checkDictChoices, merged } from '../activity/activityChecks'
import { AppError } from '../appError'
import { localNow } from '../common/localTime'
import type { FeedbackRow } from '../db/projectEntities'
import type { CoreContext, DomainHandlers } from '../handlerTypes'
import {
  deleteFeedback,
  findFeedback,
  findFeedbackRow,
  insertFeedback,
  listFeedback,
  updateFeedback,
} from './feedbackQueries'
import { mustFind } from '../common/mustFind'

type FeedbackChannel = 'feedback.create' | 'feedback.update' | 'feedback.delete' | 'feedback.list'

type FeedbackValues = Omit<FeedbackRow, 'id' | 'customerId' | 'createdAt' | 'updatedAt'>

/** 客户意见 of a customer; 产品 and 处理人 are dictionary items checked like every other choice. */
export function feedbackHandlers({ store }: CoreContext): DomainHandlers<FeedbackChannel> {
  return {
    'feedback.create': (input) =>
      store.write(async (m) => {
        await checkCustomer(m, input.customerId)
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
        await checkValues(m, values, null)
        const time = localNow()
        const id = await insertFeedback(m, {
          customerId: input.customerId,
          ...values,
          createdAt: time,
          updatedAt: time,
        })
        return mustFind(await findFeedback(m, id), '客户意见')
      }),

    'feedback.update': (input) =>
      store.write(async (m) => {
        const before = mustFind(await findFeedbackRow(m, input.id), '客户意见')
        const values: FeedbackValues = {
          type: merged(input.type, before.type),
          productId: merged(input.productId, before.productId),
          receivedAt: merged(input.receivedAt, before.receivedAt),
          resolvedAt: merged(input.resolvedAt, before.resolvedAt),
          status: merged(input.status, before.status),
          handlerId: merged(input.handlerId, before.handlerId),
          content: merged(input.content, before.content),
          resolution: merged(input.resolution, before.resolution),
          satisfaction: merged(input.satisfaction, before.satisfaction),
        }
        await checkValues(m, values, before)
        await updateFeedback(m, input.id, { ...values, updatedAt: localNow() })
        return mustFind(await findFeedback(m, input.id), '客户意见')
      }),

    'feedback.delete': ({ id }) =>
      store.write(async (m) => {
        mustFind(await findFeedbackRow(m, id), '客户意见')
        await deleteFeedback(m, id)
        return { id }
      }),

    'feedback.list': (input) => store.read((m) => listFeedback(m, input)),
  }
}

async function checkValues(m: EntityManager, values: FeedbackValues, before: FeedbackRow | null): Promise<void> {
  // An update may move only one of the two dates, so the order is checked on the merged values.
  const issues = feedbackIssues(values)
  const first = Object.values(issues)[0]
  if (first) throw new AppError('VALIDATION', `输入有误：${first}`, issues)
  await checkDictChoices(m, [
    { field: 'productId', label: '产品', category: 'product', id: values.productId, before: before?.productId ?? null },
    { field: 'handlerId', label: '处理人', category: 'staff', id: values.handlerId, before: before?.handlerId ?? null },
  ])
}
