import { AppError } from '../appError'
import type { CoreContext, DomainHandlers } from '../handlerTypes'
import { getSetting, setSetting } from '../prefs/prefsQueries'
import { hasCustomers, writeDemoData } from './generateDemoData'

/** Set once the user has answered the first-run offer (demo data or an empty start). */
const firstRunDecidedKey = 'firstRunDecided'

export function demoHandlers({
  store,
}: CoreContext): DomainHandlers<'demo.load' | 'app.firstRun' | 'app.setFirstRunDecided'> {
  return {
    'demo.load': ({ customers }) =>
      store.write(async (db) => {
        // Checked inside the transaction: demo data never mixes with real customers.
        if (await hasCustomers(db)) throw new AppError('CONFLICT', '已有客户资料，不能载入演示数据')
        const counts = await writeDemoData(db, { customers })
        return { customers: counts.customers }
      }),

    'app.firstRun': () =>
      store.read(async (db) => ({
        isEmpty: !(await hasCustomers(db)),
        decided: (await getSetting(db, firstRunDecidedKey)) !== null,
      })),

    'app.setFirstRunDecided': () =>
      store.write(async (db) => {
        await setSetting(db, firstRunDecidedKey, 'true')
        return {}
      }),
  }
}
