import { DatePicker, Input, Select, type InputRef } from 'antd'
import { useRef } from 'react'
import { useFindShortcut } from '../app/shortcuts'

/**
 * The filter bar controls of the record screens (交往记录, 项目, 竞争对手, 意见): each
 * labelled for screen readers and the tests by `label`, the way every list filters.
 */

/** Any of several values; empty means all. */
export function MultiFilter<T extends string | number>(props: {
  label: string
  placeholder: string
  width: number
  value: T[]
  onChange: (value: T[]) => void
  options: { value: T; label: string }[]
  /** Typing narrows the options (long dictionary lists). */
  searchable?: boolean
}): React.JSX.Element {
  return (
    <Select<T[]>
      mode="multiple"
      allowClear
      aria-label={props.label}
      placeholder={props.placeholder}
      style={{ minWidth: props.width }}
      value={props.value}
      onChange={props.onChange}
      options={props.options}
      showSearch={props.searchable ? { optionFilterProp: 'label' } : undefined}
    />
  )
}

/** The text search, applied on Enter or the button; blanks around it dropped. Ctrl+F comes here. */
export function QuickSearch(props: {
  label: string
  placeholder: string
  width: number
  onSearch: (text: string) => void
}): React.JSX.Element {
  const ref = useRef<InputRef>(null)
  useFindShortcut(() => ref.current?.input)
  return (
    <Input.Search
      ref={ref}
      allowClear
      aria-label={props.label}
      placeholder={props.placeholder}
      style={{ width: props.width }}
      onSearch={(value) => props.onSearch(value.trim())}
    />
  )
}

/** From and to, as `YYYY-MM-DD` or null (open-ended). */
export function DateRangeFilter(props: {
  label: string
  placeholder: [string, string]
  onChange: (range: { dateFrom: string | null; dateTo: string | null }) => void
}): React.JSX.Element {
  return (
    <DatePicker.RangePicker
      aria-label={props.label}
      placeholder={props.placeholder}
      onChange={(range) =>
        props.onChange({
          dateFrom: range?.[0]?.format('YYYY-MM-DD') ?? null,
          dateTo: range?.[1]?.format('YYYY-MM-DD') ?? null,
        })
      }
    />
  )
}

/** Options of a fixed list of words (阶段, 类型, 状态). */
export const wordOptions = <T extends string>(values: readonly T[]) => values.map((value) => ({ value, label: value }))
