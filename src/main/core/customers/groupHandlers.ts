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
import { localNow } from '../common/localTime'
import { mustFind } from '../common/mustFind'

type GroupChannel = 'groups.list' | 'groups.create' | 'groups.rename' | 'groups.delete'

export function groupHandlers({ store }: CoreContext): DomainHandlers<GroupChannel> {
  return {
    'groups.list': () => store.read((db) => listGroups(db)),

    'groups.create': ({ name }) =>
      store.write(async (db) => {
        if (await findGroupIdByName(db, name)) throw clash(name)
        return mustFind(await findGroup(db, await insertGroup(db, name)), '分组')
      }),

    'groups.rename': ({ id, name }) =>
      store.write(async (db) => {
        mustFind(await findGroup(db, id), '分组')
        const holder = await findGroupIdByName(db, name)
        if (holder && holder !== id) throw clash(name)
        await renameGroup(db, id, name)
        return mustFind(await findGroup(db, id), '分组')
      }),

    'groups.delete': ({ id }) =>
      store.write(async (db) => {
        mustFind(await findGroup(db, id), '分组')
        const time = localNow()
        const touched = await withGroupHistory(
          db,
          { sql: `SELECT customer_id AS id FROM customer_group_member WHERE group_id = ?`, params: [id] },
          time,
          () => deleteGroup(db, id),
        )
        await touchCustomers(db, touched, time)
        return { id }
      }),
  }
}

function clash(name: string): AppError {
  return new AppError('CONFLICT', `已有分组「${name}」`, { name: '分组名称重复' })
}
