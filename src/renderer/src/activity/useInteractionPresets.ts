import { useEffect, useMemo, useState } from 'react'
import { addDays } from '../../../shared/dateMath'
import type { Customer } from '../../../shared/customer'
import type { DictItem } from '../../../shared/dictionary'
import type { ReminderKind } from '../../../shared/reminder'
import { useSession } from '../accounts/session'
import { call } from '../api/client'
import { useQuery } from '../api/useQuery'
import { today } from '../customers/card/cardValues'

/**
 * What a new 交往记录 starts with, so that logging one (or completing a reminder)
 * takes a few clicks: docs/product-rules.md#interactions.
 * - 交往方式: the way the reminder's kind is usually settled, else the user's last choice;
 * - 业务员: the customer's 负责业务员, else the signed-in user's own 业务员 item;
 * - 下次跟进日期: today plus the cycle of the customer's 联系策略 (the contact restarts it).
 */
export interface InteractionPresets {
  ready: boolean
  typeId: number | null
  staffId: number | null
  nextFollowUp: string | null
  customer: Customer | undefined
  /** Keeps the 交往方式 just used as this user's next default. */
  rememberType: (typeId: number | null) => void
}

/** The 交往方式 a reminder of this kind is mostly settled by (when the dictionary has it). */
const typeOfKind: Partial<Record<ReminderKind, string>> = {
  birthday: '电话',
  salesDecline: '拜访',
  dealDeadline: '拜访',
}

export function useInteractionPresets(customerId: number | null, kind?: ReminderKind): InteractionPresets {
  const customer = useQuery('customers.get', { id: customerId ?? 0, includeDeleted: true })
  const dictionary = useQuery('dictionary.list', {})
  const user = useSession().user
  const prefKey = user ? `interactions.lastType.u${user.id}` : 'interactions.lastType'
  const [lastType, setLastType] = useState<{ loaded: boolean; id: number | null }>({ loaded: false, id: null })

  useEffect(() => {
    let live = true
    call('prefs.get', { key: prefKey })
      .then(({ value }) => live && setLastType({ loaded: true, id: typeof value === 'number' ? value : null }))
      // Without the remembered choice the dialog still opens, only without that preset.
      .catch(() => live && setLastType({ loaded: true, id: null }))
    return () => {
      live = false
    }
  }, [prefKey])

  const found = customerId === null ? undefined : customer.data
  // A failed load is shown by the dialog (its choices); the presets then are just left out.
  const dictionaryDone = dictionary.data !== undefined || dictionary.error !== undefined
  const ready = dictionaryDone && lastType.loaded && (customerId === null || !customer.loading)
  const presets = useMemo(() => {
    const items = dictionary.data ?? []
    const enabled = (id: number | null | undefined, category: DictItem['category']): DictItem | undefined =>
      id === null || id === undefined
        ? undefined
        : items.find((item) => item.id === id && item.category === category && item.enabled)
    const byLabel = kind && typeOfKind[kind]
    const kindType = items.find((i) => i.category === 'interactionType' && i.enabled && i.label === byLabel)
    const typeId = kindType?.id ?? enabled(lastType.id, 'interactionType')?.id ?? null
    const staffId = enabled(found?.ownerStaffId, 'staff')?.id ?? enabled(user?.staffId, 'staff')?.id ?? null
    const cycle = enabled(found?.contactStrategyId, 'contactStrategy')?.cycleDays ?? null
    return { typeId, staffId, nextFollowUp: cycle ? addDays(today(), cycle) : null }
  }, [dictionary.data, lastType.id, kind, found, user?.staffId])

  return {
    ready,
    ...presets,
    customer: found,
    rememberType: (typeId) => {
      if (typeId === null || typeId === lastType.id) return
      setLastType({ loaded: true, id: typeId })
      // A remembered default is a convenience: failing to keep it must not fail the save.
      call('prefs.set', { key: prefKey, value: typeId }).catch(() => undefined)
    },
  }
}
