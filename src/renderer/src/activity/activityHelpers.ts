import type { FormInstance } from 'antd'
import { useMemo } from 'react'
import type { DictionaryCategory, DictItem } from '../../../shared/dictionary'
import { ApiError, errorMessage } from '../api/client'
import { useQuery, type LoadState } from '../api/useQuery'
import { applyServerErrors } from '../customers/card/serverErrors'

export interface DictOption {
  value: number
  label: string
  disabled?: boolean
}

/**
 * Options of a dictionary category: enabled items, and disabled ones marked so an old record still reads correctly;
 * `load` for showing a failure (empty options would read as "nothing to choose").
 */
export function useDictOptions(category: DictionaryCategory): {
  items: DictItem[]
  options: DictOption[]
  load: LoadState
} {
  const query = useQuery('dictionary.list', { category })
  const { data, error, loading, reload } = query
  return useMemo(() => {
    const items = data ?? []
    return {
      load: { error, loading, reload },
      items,
      options: items.map((item) =>
        item.enabled
          ? { value: item.id, label: item.label }
          : { value: item.id, label: `${item.label}（已停用）`, disabled: true },
      ),
    }
  }, [data, error, loading, reload])
}

/** Puts a failed save's per-field messages on the form; the rest (or the whole message) goes to `showError`. */
export function reportSaveError(form: FormInstance, error: unknown, showError: (text: string) => void): void {
  if (error instanceof ApiError && error.fields) {
    const unplaced = applyServerErrors(form, error.fields)
    showError(unplaced.length > 0 ? unplaced.join('；') : error.message)
    return
  }
  showError(errorMessage(error))
}

const money = new Intl.NumberFormat('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })

/** An amount with thousands separators and two decimals, as the sheet shows it. */
export function formatAmount(value: number): string {
  return money.format(value)
}
