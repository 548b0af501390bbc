import type { Rule, RuleObject } from 'antd/es/form'
import { calendarDateMessage, parseCalendarDate, type CalendarKind } from '../../../../shared/calendarDate'
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

/** A birthday or important date, checked against the calendar chosen next to it. */
export function calendarDateRule(calendarOf: () => CalendarKind | undefined, required = false): RuleObject {
  return {
    validator: async (_rule, value: unknown) => {
      const date = typeof value === 'string' ? value.trim() : ''
      if (date === '') {
        if (required) throw new Error('请填写日期')
        return
      }
      const calendar = calendarOf() ?? 'solar'
      if (!parseCalendarDate(date, calendar)) throw new Error(calendarDateMessage(calendar))
    },
  }
}
