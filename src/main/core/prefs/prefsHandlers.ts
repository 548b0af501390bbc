import { prefJson } from '../../../shared/prefs'
import { AppError } from '../appError'
import type { CoreContext, DomainHandlers } from '../handlerTypes'
import { getSetting, setSetting } from './prefsQueries'

/** UI preferences live in app_setting under `pref.<key>`, as JSON. */
const settingKey = (key: string) => `pref.${key}`

export function prefsHandlers({ store }: CoreContext): DomainHandlers<'prefs.get' | 'prefs.set'> {
  return {
    'prefs.get': ({ key }) =>
      store.read(async (db) => {
        const json = await getSetting(db, settingKey(key))
        return { value: json === null ? null : (JSON.parse(json) as unknown) }
      }),

    'prefs.set': ({ key, value }) =>
      store.write(async (db) => {
        // The contract already refused values without JSON; this keeps the handler safe on its own.
        const json = prefJson(value)
        if (json === undefined) throw new AppError('VALIDATION', '设置值无法保存：须为可转成 JSON 的数据')
        await setSetting(db, settingKey(key), json)
        return {}
      }),
  }
}
