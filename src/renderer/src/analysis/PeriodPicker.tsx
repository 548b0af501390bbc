import { DatePicker, Select, Space } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { useState } from 'react'
import { addDays } from '../../../shared/dateMath'
import {
  calendarPeriod,
  periodKindLabels,
  periodKinds,
  periodLabel,
  type Period,
  type PeriodKind,
} from '../../../shared/analysis/period'
import { defaultPeriodChoice, type PeriodChoice } from '../../../shared/analysis/pageRequests'
import { localToday } from '../app/localToday'

export { previousOf, type PeriodChoice } from '../../../shared/analysis/pageRequests'

/** The current year, the page's starting point (the same as its request sent ahead, pageRequests.ts). */
export function usePeriodChoice(): [PeriodChoice, (choice: PeriodChoice) => void] {
  return useState<PeriodChoice>(() => defaultPeriodChoice(localToday()))
}

export function choiceLabel(choice: PeriodChoice): string {
  return periodLabel(choice.period, choice.kind)
}

function periodAt(kind: Exclude<PeriodKind, 'custom'>, day: Dayjs): Period {
  if (kind === 'year') return calendarPeriod('year', day.year())
  if (kind === 'quarter') return calendarPeriod('quarter', day.year(), Math.floor(day.month() / 3) + 1)
  return calendarPeriod('month', day.year(), day.month() + 1)
}

/**
 * The day a narrower period is taken around: today while the chosen period holds it (年 2026
 * → 季 gives this quarter, not the first), else the period's first day.
 */
function within(period: Period): Dayjs {
  const today = dayjs().format('YYYY-MM-DD')
  return period.from <= today && today < period.to ? dayjs(today) : dayjs(period.from)
}

/** 统计期间: 年/季/月 pick one calendar unit; 自定义 picks two days, both included. */
export function PeriodPicker({ value, onChange }: { value: PeriodChoice; onChange: (choice: PeriodChoice) => void }) {
  const from = dayjs(value.period.from)
  return (
    <Space size={8}>
      <span>统计期间</span>
      <Select<PeriodKind>
        aria-label="期间类型"
        style={{ width: 88 }}
        value={value.kind}
        options={periodKinds.map((k) => ({ value: k, label: periodKindLabels[k] }))}
        onChange={(kind) =>
          onChange({
            kind,
            period: kind === 'custom' ? value.period : periodAt(kind, within(value.period)),
          })
        }
      />
      {value.kind === 'custom' ? (
        <DatePicker.RangePicker
          aria-label="自定义期间"
          allowClear={false}
          value={[from, dayjs(addDays(value.period.to, -1))]}
          onChange={(range) => {
            const [start, end] = range ?? []
            if (start && end) {
              onChange({
                kind: 'custom',
                period: { from: start.format('YYYY-MM-DD'), to: addDays(end.format('YYYY-MM-DD'), 1) },
              })
            }
          }}
        />
      ) : (
        <DatePicker
          aria-label="期间"
          allowClear={false}
          picker={value.kind}
          value={from}
          format={() => periodLabel(value.period, value.kind)}
          onChange={(day) => {
            if (day && value.kind !== 'custom') onChange({ kind: value.kind, period: periodAt(value.kind, day) })
          }}
        />
      )}
    </Space>
  )
}
