import { useMemo } from 'react'
import { customerDictFields, type CustomerDictField } from '../../../../shared/customer'
import type { DictItem } from '../../../../shared/dictionary'
import { combinedLoad, useQuery, type LoadState } from '../../api/useQuery'

/** A load itself (`Loaded` shows its failure with 重试), since a card without its labels would look blank. */
export interface CardLookups extends LoadState {
  /** Select options of a dictionary field: enabled items, plus the current value when it was disabled since. */
  dictOptions(field: CustomerDictField, current: number | null | undefined): { value: number; label: string }[]
  /** The label of a dictionary item, marked when disabled so old records still read correctly. */
  dictLabel(id: number | null | undefined): string | undefined
  groupNames: string[]
  /** The default 大区 of a province (系统设置 → 省份与大区). */
  regionOfProvince(provinceCode: string): number | null
}

/** Everything the card shows by label: dictionaries, groups and the province → 大区 map, loaded once. */
export function useCardLookups(): CardLookups {
  const dictionary = useQuery('dictionary.list', {})
  const groups = useQuery('groups.list', {})
  const regions = useQuery('regions.list', {})

  const load = combinedLoad(dictionary, groups, regions)
  const { error, loading, reload } = load
  return useMemo(() => {
    const items = dictionary.data ?? []
    const byId = new Map<number, DictItem>(items.map((item) => [item.id, item]))
    const label = (item: DictItem): string => (item.enabled ? item.label : `${item.label}（已停用）`)
    const provinceRegion = new Map((regions.data ?? []).map((r) => [r.provinceCode, r.regionId]))
    return {
      loading,
      error,
      reload,
      dictOptions: (field, current) =>
        items
          .filter((item) => item.category === customerDictFields[field] && (item.enabled || item.id === current))
          // 联系策略 / 购买策略 say their cycle, which is what the choice decides (每月（30 天）).
          .map((item) => ({
            value: item.id,
            label: item.cycleDays ? `${label(item)}（${item.cycleDays} 天）` : label(item),
          })),
      dictLabel: (id) => {
        const item = id === null || id === undefined ? undefined : byId.get(id)
        return item ? label(item) : undefined
      },
      groupNames: (groups.data ?? []).map((g) => g.name),
      regionOfProvince: (code) => provinceRegion.get(code) ?? null,
    }
  }, [dictionary.data, groups.data, regions.data, loading, error, reload])
}

export function isDictField(key: string): key is CustomerDictField {
  return key in customerDictFields
}
