import { AppError } from '../appError'
import type { CoreContext, DomainHandlers } from '../handlerTypes'
import { touchCustomers } from './customerQueries'
import {
  deleteGroup,
  findGroup,
  findGroupIdByName,
  insertGroup,
  listGroups,
  renameGroup,
  withGroupHistory,
} from './groupQueries'
import { localNow } from './localTime'

type GroupChannel = 'groups.list' | 'groups.create' | 'groups.rename' | 'groups.delete'

export function groupHandlers({ store }: CoreContext): DomainHandlers<GroupChannel> {
  return {
    'groups.list': () => store.read((m) => listGroups(m)),

    'groups.create': ({ name }) =>
      store.write(async (m) => {
        if (await findGroupIdByName(m, name)) throw clash(name)
        return mustFind(await findGroup(m, await insertGroup(m, name)))
      }),

    'groups.rename': ({ id, name }) =>
      store.write(async (m) => {
        mustFind(await findGroup(m, id))
        const holder = await findGroupIdByName(m, name)
        if (holder && holder !== id) throw clash(name)
        await renameGroup(m, id, name)
        return mustFind(await findGroup(m, id))
      }),

    'groups.delete': ({ id }) =>
      store.write(async (m) => {
        mustFind(await findGroup(m, id))
        const time = localNow()
        const touched = await withGroupHistory(
          m,
          { sql: `SELECT customer_id AS id FROM customer_group_member WHERE group_id = ?`, params: [id] },
          time,
          () => deleteGroup(m, id),
        )
        await touchCustomers(m, touched, time)
        return { id }
      }),
  }
}

function clash(name: string): AppError {
  return new AppError('CONFLICT', `已有分组「${name}」`, { name: '分组名称重复' })
}

function mustFind<T>(value: T | null): T {
  if (!value) throw new AppError('NOT_FOUND', '分组不存在，可能已被删除')
  return value
}
