import { useQuery, type QueryState } from '../api/useQuery'
import type { DictItem } from '../../../shared/dictionary'

/** The 业务员 dictionary items as select options (what a user stands for, whose customers to show). */
export function useStaffOptions(): { load: QueryState<DictItem[]>; options: { value: number; label: string }[] } {
  const load = useQuery('dictionary.list', { category: 'staff' })
  const options = (load.data ?? [])
    .filter((item) => item.enabled)
    .map((item) => ({ value: item.id, label: item.label }))
  return { load, options }
}
