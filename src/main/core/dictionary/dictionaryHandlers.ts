import { categoryInfo } from '../../../shared/dictionary'
import { AppError } from '../appError'
import type { CoreContext, DomainHandlers } from '../handlerTypes'
import {
  deleteItem,
  findByLabel,
  findItem,
  idsOfCategory,
  insertItem,
  listItems,
  nextSortOrder,
  setSortOrders,
  updateItem,
} from './dictionaryQueries'
import { mustFind } from '../common/mustFind'

type DictionaryChannel =
  'dictionary.list' | 'dictionary.create' | 'dictionary.update' | 'dictionary.reorder' | 'dictionary.delete'

export function dictionaryHandlers({ store }: CoreContext): DomainHandlers<DictionaryChannel> {
  return {
    'dictionary.list': ({ category }) => store.read((db) => listItems(db, category)),

    'dictionary.create': (input) =>
      store.write(async (db) => {
        const info = categoryInfo(input.category)
        if (await findByLabel(db, input.category, input.label)) {
          throw new AppError('CONFLICT', `${info.label}中已有「${input.label}」`, { label: '名称重复' })
        }
        const cycleDays = info.cycle ? input.cycleDays : null
        if (info.cycle && !cycleDays) {
          throw new AppError('VALIDATION', `${info.label}需要填写周期天数`, { cycleDays: '请填写周期天数' })
        }
        const id = await insertItem(db, {
          category: input.category,
          label: input.label,
          sortOrder: await nextSortOrder(db, input.category),
          enabled: true,
          cycleDays: cycleDays ?? null,
          groupName: info.group ? input.groupName || null : null,
        })
        return mustFind(await findItem(db, id), '字典项')
      }),

    'dictionary.update': (input) =>
      store.write(async (db) => {
        const item = mustFind(await findItem(db, input.id), '字典项')
        const info = categoryInfo(item.category)
        if (input.label !== undefined && input.label !== item.label) {
          const clash = await findByLabel(db, item.category, input.label)
          if (clash) throw new AppError('CONFLICT', `${info.label}中已有「${input.label}」`, { label: '名称重复' })
        }
        if (input.cycleDays !== undefined && !info.cycle && input.cycleDays !== null) {
          throw new AppError('VALIDATION', `${info.label}没有周期天数`)
        }
        if (info.cycle && input.cycleDays === null) {
          throw new AppError('VALIDATION', `${info.label}需要填写周期天数`, { cycleDays: '请填写周期天数' })
        }
        await updateItem(db, item.id, {
          ...(input.label !== undefined && { label: input.label }),
          ...(input.enabled !== undefined && { enabled: input.enabled }),
          ...(input.cycleDays !== undefined && { cycleDays: input.cycleDays }),
          ...(input.groupName !== undefined && info.group && { groupName: input.groupName || null }),
        })
        return mustFind(await findItem(db, item.id), '字典项')
      }),

    'dictionary.reorder': ({ category, ids }) =>
      store.write(async (db) => {
        const existing = await idsOfCategory(db, category)
        const same =
          ids.length === existing.length && new Set(ids).size === ids.length && ids.every((id) => existing.includes(id))
        if (!same) throw new AppError('VALIDATION', '排序列表与当前字典项不一致，请刷新后重试')
        await setSortOrders(db, ids)
        return listItems(db, category)
      }),

    'dictionary.delete': ({ id }) =>
      store.write(async (db) => {
        const item = mustFind(await findItem(db, id), '字典项')
        if (item.usage > 0) {
          throw new AppError(
            'IN_USE',
            `「${item.label}」正被 ${item.usage} 条记录使用，不能删除；可以停用它，已有记录仍显示原名称`,
          )
        }
        await deleteItem(db, id)
        return { id }
      }),
  }
}
