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
    'groups.list': (_input, caller) => store.read((db) => listGroups(db, caller)),

    'groups.create': ({ name }, caller) =>
      store.write(async (db) => {
        if (await findGroupIdByName(db, name)) throw clash(name)
        return mustFind(await findGroup(db, caller, await insertGroup(db, name)), '分组')
      }),

    'groups.rename': ({ id, name }, caller) =>
      store.write(async (db) => {
        mustFind(await findGroup(db, caller, id), '分组')
        const holder = await findGroupIdByName(db, name)
        if (holder && holder !== id) throw clash(name)
        await renameGroup(db, id, name)
        return mustFind(await findGroup(db, caller, id), '分组')
      }),

    // Groups belong to the office: deleting one takes it off every member, seen or not,
    // each with a 变更记录 line naming who deleted it.
    'groups.delete': ({ id }, caller) =>
      store.write(async (db) => {
        mustFind(await findGroup(db, caller, id), '分组')
        const time = localNow()
        const touched = await withGroupHistory(
          db,
          { sql: `SELECT customer_id AS id FROM customer_group_member WHERE group_id = ?`, params: [id] },
          time,
          caller.userId,
          () => deleteGroup(db, id),
        )
        await touchCustomers(db, touched, time, caller.userId)
        return { id }
      }),
  }
}

function clash(name: string): AppError {
  return new AppError('CONFLICT', `已有分组「${name}」`, { name: '分组名称重复' })
}
