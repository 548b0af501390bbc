import { describe, expect, it } from 'vitest'
import {
  birthdayKeys,
  calendarDateText,
  dueText,
  festivalsWithin,
  occurrenceWithin,
} from '../../src/shared/reminderDates'
import { addDays, daysBetween } from '../../src/shared/dateMath'

describe('reminder date arithmetic', () => {
  it('adds days across months, years and 29 Feb', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29')
    expect(addDays('2027-02-28', 1)).toBe('2027-03-01')
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01')
    expect(daysBetween('2026-03-01', '2026-03-31')).toBe(30)
    expect(daysBetween('2026-03-31', '2026-03-01')).toBe(-30)
  })

  it('says how overdue a date is', () => {
    expect(['2026-04-12', '2026-04-15', '2026-04-16', '2026-04-18'].map((d) => dueText(d, '2026-04-15'))).toEqual([
      '逾期 3 天',
      '今天到期',
      '明天',
      '3 天后',
    ])
  })

  it('asks for 02-29 when the window holds 28 Feb of a common year, and for day 30 after a 29-day lunar month', () => {
    expect(birthdayKeys('2027-02-27', 1).solar).toEqual(['02-27', '02-28', '02-29'])
    expect(birthdayKeys('2028-02-27', 1).solar).toEqual(['02-27', '02-28'])
    // 2026-02-16 is 腊月廿九, the last day of a 29-day 腊月 in lunar 2025.
    expect(birthdayKeys('2026-02-16', 0).lunar).toEqual(['12-29', '12-30'])
    expect(occurrenceWithin('1970-12-30', 'lunar', '2026-02-14', 3)).toBe('2026-02-16')
  })

  it('finds the lunar festivals of the year', () => {
    expect(festivalsWithin('2027-02-01', 10)).toEqual([{ name: '春节', date: '2027-02-06', text: '农历正月初一' }])
    expect(festivalsWithin('2026-06-15', 7).map((f) => [f.name, f.date])).toEqual([['端午节', '2026-06-19']])
    expect(calendarDateText('2020-闰04-15', 'lunar')).toBe('农历闰四月十五')
    expect(calendarDateText('1985-03-08', 'solar')).toBe('3月8日')
  })
})
