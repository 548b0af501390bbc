import { CalendarOutlined } from '@ant-design/icons'
import { Button, Checkbox, Form, Input, InputNumber, Popover, Select, Space, Tooltip } from 'antd'
import { useState } from 'react'
import type { CalendarKind } from '../../../../shared/calendarDate'
import {
  lunarDayName,
  lunarMonthName,
  parseWrittenDate,
  readCalendarDate,
  writtenLunarDate,
} from '../../../../shared/writtenCalendarDate'
import { calendarOptions } from './calendarOptions'
import { calendarDateRule } from './fieldRules'

type NamePath = (string | number)[]

export const calendarPlaceholders: Record<CalendarKind, string> = {
  solar: '如 1985-03-08 或 03-08',
  lunar: '如 八月十五、腊月初八',
}

/**
 * A birthday or an important date with its 历法: typed as people write it (八月十五,
 * 腊月初八, 闰四月初一, 1980-8-15), tidied on leaving the field, or picked as a 农历
 * month and day. `path`/`calendarPath` are the names inside the enclosing list,
 * `fullPath`/`fullCalendarPath` the same in the whole form.
 */
export function CalendarDateInput(props: {
  path: NamePath
  calendarPath: NamePath
  fullPath: NamePath
  fullCalendarPath: NamePath
  ariaLabel: string
  required?: boolean
  calendarWidth: number
}): React.JSX.Element {
  const { path, calendarPath, fullPath, fullCalendarPath, ariaLabel, required = false, calendarWidth } = props
  const form = Form.useFormInstance()
  const calendar = (Form.useWatch(fullCalendarPath, form) as CalendarKind | undefined) ?? 'solar'
  return (
    <Space.Compact style={{ width: '100%' }}>
      <Form.Item
        name={path}
        noStyle
        dependencies={[fullCalendarPath]}
        rules={[
          ({ getFieldValue }) => calendarDateRule(() => getFieldValue(fullCalendarPath) as CalendarKind, required),
        ]}
      >
        <WrittenDateText
          ariaLabel={ariaLabel}
          calendar={calendar}
          onLunarWords={() => form.setFieldValue(fullCalendarPath, 'lunar')}
        />
      </Form.Item>
      <Form.Item name={calendarPath} noStyle>
        {/* Labels that do not repeat the date's, so finding the date by its label finds it alone. */}
        <Select aria-label="历法" options={calendarOptions} style={{ width: calendarWidth }} />
      </Form.Item>
      <LunarPicker
        onPick={(text) => {
          form.setFieldValue(fullCalendarPath, 'lunar')
          form.setFieldValue(fullPath, text)
          void form.validateFields([fullPath])
        }}
      />
    </Space.Compact>
  )
}

function WrittenDateText(props: {
  value?: string | null
  onChange?: (value: string) => void
  onBlur?: () => void
  ariaLabel: string
  calendar: CalendarKind
  onLunarWords: () => void
}): React.JSX.Element {
  const { value, onChange, ariaLabel, calendar, onLunarWords } = props
  const tidy = (): void => {
    const text = value?.trim() ?? ''
    const written = text ? parseWrittenDate(text) : null
    if (!written) return
    // 腊月初八 can only be a lunar date, whatever the 历法 next to it still says.
    const kind: CalendarKind = written.lunarWords ? 'lunar' : calendar
    if (kind !== calendar) onLunarWords()
    const stored = readCalendarDate(text, kind)
    if (stored) onChange?.(kind === 'lunar' ? writtenLunarDate(stored) : stored)
  }
  return (
    <Input
      aria-label={ariaLabel}
      placeholder={calendarPlaceholders[calendar]}
      value={value ?? ''}
      onChange={(event) => onChange?.(event.target.value)}
      onBlur={tidy}
    />
  )
}

const monthOptions = Array.from({ length: 12 }, (_, i) => ({ value: i + 1, label: lunarMonthName(i + 1) }))
const dayOptions = Array.from({ length: 30 }, (_, i) => ({ value: i + 1, label: lunarDayName(i + 1) }))

/** 农历 month and day (闰月, and the year when known) chosen instead of typed. */
function LunarPicker(props: { onPick: (text: string) => void }): React.JSX.Element {
  const [open, setOpen] = useState(false)
  const [month, setMonth] = useState(8)
  const [day, setDay] = useState(15)
  const [leap, setLeap] = useState(false)
  const [year, setYear] = useState<number | null>(null)
  const stored = `${year ? `${year}-` : ''}${leap ? '闰' : ''}${pad(month)}-${pad(day)}`
  const valid = readCalendarDate(stored, 'lunar') !== null
  const content = (
    <Space direction="vertical" size={8} style={{ width: 236 }}>
      <Space size={6}>
        <InputNumber
          aria-label="农历年份"
          placeholder="年份（可不填）"
          min={1800}
          max={2200}
          precision={0}
          value={year}
          onChange={(next) => setYear(next)}
          style={{ width: 128 }}
        />
        <Checkbox checked={leap} onChange={(event) => setLeap(event.target.checked)}>
          闰月
        </Checkbox>
      </Space>
      <Space size={6}>
        <Select
          aria-label="农历月"
          showSearch={{ optionFilterProp: 'label' }}
          options={monthOptions}
          value={month}
          onChange={setMonth}
          style={{ width: 96 }}
        />
        <Select
          aria-label="农历日"
          showSearch={{ optionFilterProp: 'label' }}
          options={dayOptions}
          value={day}
          onChange={setDay}
          style={{ width: 96 }}
        />
      </Space>
      <Space style={{ justifyContent: 'space-between', width: '100%' }}>
        <span style={{ color: valid ? undefined : '#cf1322' }}>
          {valid ? writtenLunarDate(stored) : year ? `${year}年没有这一天` : '没有这一天'}
        </span>
        <Button
          size="small"
          type="primary"
          disabled={!valid}
          onClick={() => {
            props.onPick(writtenLunarDate(stored))
            setOpen(false)
          }}
        >
          确定
        </Button>
      </Space>
    </Space>
  )
  return (
    <Popover content={content} title="选择农历日期" trigger="click" open={open} onOpenChange={setOpen}>
      <Tooltip title="选择农历月日">
        <Button icon={<CalendarOutlined />} aria-label="选择农历月日" />
      </Tooltip>
    </Popover>
  )
}

function pad(n: number): string {
  return String(n).padStart(2, '0')
}
