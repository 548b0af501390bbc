import type { Rule, RuleObject } from 'antd/es/form'
import type { CalendarKind } from '../../../../shared/calendarDate'
import { readCalendarDate } from '../../../../shared/writtenCalendarDate'
import { contactInput } from '../../../../shared/contact'
import { customerCreateInput } from '../../../../shared/customer'
import { schemaRule } from '../../app/schemaRule'

/**
 * Client-side checks run the very zod schemas the core validates with, so the
 * card says exactly what the server would say, before the round trip.
 */
type CustomerInputKey = keyof typeof customerCreateInput.shape
type ContactInputKey = keyof typeof contactInput.shape

export function customerRules(key: string): Rule[] {
  if (key === 'name') return [schemaRule(customerCreateInput.shape.name, '')]
  if (!(key in customerCreateInput.shape) || key === 'groups') return []
  return [schemaRule(customerCreateInput.shape[key as CustomerInputKey])]
}

export function contactRules(key: ContactInputKey): Rule[] {
  if (key === 'name') return [schemaRule(contactInput.shape.name, '')]
  return [schemaRule(contactInput.shape[key])]
}

/** Short enough for one line under a narrow field. */
const calendarDateHints: Record<CalendarKind, string> = {
  solar: '公历日期如 1985-03-08',
  lunar: '农历日期如 八月十五',
}

/** A birthday or important date as people write it, checked against the calendar chosen next to it. */
export function calendarDateRule(calendarOf: () => CalendarKind | undefined, required = false): RuleObject {
  return {
    validator: async (_rule, value: unknown) => {
      const date = typeof value === 'string' ? value.trim() : ''
      if (date === '') {
        if (required) throw new Error('请填写日期')
        return
      }
      const calendar = calendarOf() ?? 'solar'
      // Written in words (十三月初一), it was meant as a lunar date whatever the 历法 says.
      if (!readCalendarDate(date, calendar))
        throw new Error(calendarDateHints[/[\u4e00-\u9fff]/.test(date) ? 'lunar' : calendar])
    },
  }
}
