import { Button, DatePicker, Form, Select } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import {
  customerDictFields,
  customerFieldLabels,
  dealGrades,
  dealStatuses,
  relationshipLevels,
  valueClasses,
  type CustomerDictField,
} from '../../../../shared/customer'
import type { CustomerFilters } from '../../../../shared/customerList'
import type { DictItem } from '../../../../shared/dictionary'
import { provinces } from '../../../../shared/regions'
import { Loaded } from '../../api/LoadFailed'
import { combinedLoad, useQuery } from '../../api/useQuery'

const dateRanges = [
  ['registered', '登记日期'],
  ['lastContact', '最近联系'],
  ['lastTransaction', '最近交易'],
] as const

/** One select per dictionary field, groups, grades and date ranges; every change re-queries the sheet. */
export function CustomerFilterPanel({
  filters,
  onChange,
}: {
  filters: CustomerFilters
  onChange: (next: CustomerFilters) => void
}): React.JSX.Element {
  const dictionary = useQuery('dictionary.list', {})
  const groups = useQuery('groups.list', {})
  const items = dictionary.data ?? []
  const set = (patch: Partial<CustomerFilters>): void => {
    const next = Object.fromEntries(
      Object.entries({ ...filters, ...patch }).filter(
        ([, value]) => value !== undefined && !(Array.isArray(value) && value.length === 0),
      ),
    )
    onChange(next as CustomerFilters)
  }
  const multi = (
    label: string,
    value: unknown[] | undefined,
    options: { value: string | number; label: string }[],
    apply: (v: never[]) => void,
  ): React.JSX.Element => (
    <Form.Item label={label} style={{ marginBottom: 8 }}>
      <Select
        mode="multiple"
        allowClear
        maxTagCount="responsive"
        placeholder="全部"
        aria-label={`筛选 ${label}`}
        style={{ width: 190 }}
        value={value ?? []}
        options={options}
        optionFilterProp="label"
        onChange={(v) => apply(v as never[])}
      />
    </Form.Item>
  )
  const enumOptions = (values: readonly string[], suffix = ''): { value: string; label: string }[] =>
    values.map((v) => ({ value: v, label: `${v}${suffix}` }))

  return (
    <>
      <Loaded query={combinedLoad(dictionary, groups)} compact what="字典和分组的选项" />
      <Form layout="inline" size="small" labelCol={{ style: { width: 76 } }} style={{ rowGap: 0 }}>
        {(Object.keys(customerDictFields) as CustomerDictField[]).map((field) =>
          multi(customerFieldLabels[field], filters[field], dictOptions(items, customerDictFields[field]), (v) =>
            set({ [field]: v }),
          ),
        )}
        {multi(
          '分组',
          filters.groupIds,
          (groups.data ?? []).map((g) => ({ value: g.id, label: g.name })),
          (v) => set({ groupIds: v }),
        )}
        {multi(
          '省份',
          filters.provinceCode,
          provinces.map((p) => ({ value: p.code, label: p.name })),
          (v) => set({ provinceCode: v }),
        )}
        {multi('成交级别', filters.dealGrade, enumOptions(dealGrades, ' 级'), (v) => set({ dealGrade: v }))}
        {multi('客情等级', filters.relationshipLevel, enumOptions(relationshipLevels, ' 级'), (v) =>
          set({ relationshipLevel: v }),
        )}
        {multi('价值分类', filters.valueClass, enumOptions(valueClasses), (v) => set({ valueClass: v }))}
        {multi('成交状态', filters.dealStatus, enumOptions(dealStatuses), (v) => set({ dealStatus: v }))}
        {multi(
          '信用状况',
          filters.creditRating,
          [5, 4, 3, 2, 1].map((n) => ({ value: n, label: '★'.repeat(n) })),
          (v) => set({ creditRating: v }),
        )}
        <Form.Item label="超额度" style={{ marginBottom: 8 }}>
          <Select
            allowClear
            placeholder="全部"
            aria-label="筛选 超额度"
            style={{ width: 190 }}
            value={filters.overCreditLimit}
            options={[
              { value: true, label: '是（应收超出信用额度）' },
              { value: false, label: '否' },
            ]}
            onChange={(v?: boolean) => set({ overCreditLimit: v })}
          />
        </Form.Item>
        {dateRanges.map(([prefix, label]) => {
          const from = filters[`${prefix}From`]
          const to = filters[`${prefix}To`]
          return (
            <Form.Item key={prefix} label={label} style={{ marginBottom: 8 }}>
              <DatePicker.RangePicker
                style={{ width: 230 }}
                aria-label={`筛选 ${label}`}
                value={[from ? dayjs(from) : null, to ? dayjs(to) : null]}
                allowEmpty={[true, true]}
                onChange={(range) =>
                  set({
                    [`${prefix}From`]: day(range?.[0]),
                    [`${prefix}To`]: day(range?.[1]),
                  } as Partial<CustomerFilters>)
                }
              />
            </Form.Item>
          )
        })}
        <Form.Item style={{ marginBottom: 8 }}>
          <Button onClick={() => onChange(filters.deleted ? { deleted: true } : {})}>清除筛选</Button>
        </Form.Item>
      </Form>
    </>
  )
}

function day(value: Dayjs | null | undefined): string | undefined {
  return value ? value.format('YYYY-MM-DD') : undefined
}

/** Enabled items to pick from; disabled ones stay filterable, marked, since old records still carry them. */
function dictOptions(items: DictItem[], category: string): { value: number; label: string }[] {
  return items
    .filter((i) => i.category === category)
    .map((i) => ({ value: i.id, label: i.enabled ? i.label : `${i.label}（已停用）` }))
}

/** How many filters are set, for the badge on the 筛选 button. */
export function activeFilterCount(filters: CustomerFilters): number {
  return Object.entries(filters).filter(([key, value]) => key !== 'deleted' && value !== undefined).length
}
