import { Select } from 'antd'
import { useRef, useState } from 'react'
import type { RelationshipLevel } from '../../../shared/grading/relationshipChecklists'
import { call, errorMessage } from '../api/client'
import { LoadFailed } from '../api/LoadFailed'

export interface CustomerOption {
  value: number
  label: string
  level: RelationshipLevel | null
}

/** How many matches the dropdown offers; typing more narrows them. */
const shown = 20

/**
 * A customer chosen by typing part of its name, phone or 拼音首字母 (the sheet's quick
 * search, customers.list). `initial` names the customer already chosen, so it shows its
 * name before any search. `onPicked` also tells the customer's 客情关系等级.
 */
export function CustomerPicker(props: {
  value?: number | null
  onChange?: (value: number | null) => void
  onPicked?: (option: CustomerOption | null) => void
  initial?: CustomerOption | null
  exclude?: number | null
  placeholder?: string
  ariaLabel: string
}): React.JSX.Element {
  const { value, onChange, onPicked, initial, exclude, placeholder, ariaLabel } = props
  const [options, setOptions] = useState<CustomerOption[]>(initial ? [initial] : [])
  const [loading, setLoading] = useState(false)
  // A failed search, said in the dropdown with 重试 (an empty list would read as "no such customer").
  const [failed, setFailed] = useState<{ error: string; quick: string }>()
  const ticket = useRef(0)

  const search = async (quick: string): Promise<void> => {
    const mine = ++ticket.current
    setLoading(true)
    try {
      const page = await call('customers.list', { quick, startRow: 0, endRow: shown })
      if (mine !== ticket.current) return
      const found = page.rows.map((row) => ({ value: row.id, label: row.name, level: row.relationshipLevel }))
      // The chosen customer stays among the options so its name keeps showing.
      const chosen = options.find((o) => o.value === value)
      setOptions(chosen && !found.some((o) => o.value === chosen.value) ? [chosen, ...found] : found)
      setFailed(undefined)
    } catch (error) {
      if (mine !== ticket.current) return
      setOptions(options.filter((o) => o.value === value))
      setFailed({ error: errorMessage(error), quick })
    } finally {
      if (mine === ticket.current) setLoading(false)
    }
  }

  return (
    <Select<number, CustomerOption>
      aria-label={ariaLabel}
      showSearch={{ filterOption: false, onSearch: (text) => void search(text) }}
      allowClear
      value={value ?? undefined}
      placeholder={placeholder ?? '输入客户名称、电话或拼音首字母搜索'}
      loading={loading}
      options={options.filter((o) => o.value !== exclude)}
      // The first customers are offered on opening, before anything is typed.
      onOpenChange={(open) => {
        if (open) void search('')
      }}
      notFoundContent={
        loading ? (
          '正在搜索…'
        ) : failed ? (
          <LoadFailed compact what="客户" error={failed.error} onRetry={() => void search(failed.quick)} />
        ) : (
          '没有找到客户'
        )
      }
      onChange={(id, option) => {
        onChange?.(id ?? null)
        onPicked?.(id === undefined ? null : ((Array.isArray(option) ? option[0] : option) ?? null))
      }}
    />
  )
}
