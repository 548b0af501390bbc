import dayjs from 'dayjs'
import { describe, expect, it } from 'vitest'
import { addCalendarMonths, computeDealGrade, urgency } from '../../../src/shared/grading/dealGrade'

const clear = (expectedCloseDate: string | null, today = '2026-03-15') =>
  computeDealGrade({ demandStatus: '明确需求', expectedCloseDate }, today)

describe('addCalendarMonths', () => {
  it('adds calendar months, clamping to the month end like dayjs', () => {
    expect(addCalendarMonths('2026-03-15', 1)).toBe('2026-04-15')
    expect(addCalendarMonths('2026-01-31', 1)).toBe('2026-02-28')
    expect(addCalendarMonths('2028-01-31', 1)).toBe('2028-02-29')
    expect(addCalendarMonths('2026-08-31', 6)).toBe('2027-02-28')
    expect(addCalendarMonths('2026-11-30', 3)).toBe('2027-02-28')
    expect(addCalendarMonths('2026-12-15', 1)).toBe('2027-01-15')
    expect(addCalendarMonths('2026-03-31', -1)).toBe('2026-02-28')
  })

  it('agrees with dayjs, which the customer list SQL uses, on every day of two years', () => {
    for (let day = dayjs('2027-01-01'); day.isBefore('2029-01-01'); day = day.add(1, 'day')) {
      const date = day.format('YYYY-MM-DD')
      for (const months of [1, 3, 6]) {
        expect(addCalendarMonths(date, months)).toBe(day.add(months, 'month').format('YYYY-MM-DD'))
      }
    }
  })

  it('refuses a malformed date', () => {
    expect(() => addCalendarMonths('2026-3-1', 1)).toThrow(RangeError)
  })
})

describe('computeDealGrade', () => {
  it('grades a clear need by calendar months, bounds inclusive', () => {
    expect(clear('2026-03-15')).toEqual({ grade: 'A', overdue: false, reason: '明确需求，预计 1 个月内成交' })
    expect(clear('2026-04-15').grade).toBe('A')
    expect(clear('2026-04-16')).toEqual({ grade: 'B', overdue: false, reason: '明确需求，预计 3 个月内成交' })
    expect(clear('2026-06-15').grade).toBe('B')
    expect(clear('2026-06-16')).toEqual({ grade: 'C', overdue: false, reason: '明确需求，预计 6 个月内成交' })
    expect(clear('2026-09-15').grade).toBe('C')
    expect(clear('2026-09-16')).toEqual({ grade: 'D', overdue: false, reason: '明确需求，预计 6 个月后才成交' })
  })

  it('grades a past date A and flags it overdue', () => {
    expect(clear('2026-03-14')).toEqual({ grade: 'A', overdue: true, reason: '明确需求，预计成交日期 2026-03-14 已过' })
    expect(clear('2020-01-01').overdue).toBe(true)
  })

  it('counts a clear need without a date as D', () => {
    expect(clear(null)).toEqual({ grade: 'D', overdue: false, reason: '明确需求，未填预计成交日期' })
  })

  it('grades potential need D and no need E, whatever the date', () => {
    expect(computeDealGrade({ demandStatus: '潜在需求', expectedCloseDate: '2026-03-20' }, '2026-03-15')).toEqual({
      grade: 'D',
      overdue: false,
      reason: '潜在需求',
    })
    expect(computeDealGrade({ demandStatus: '潜在需求', expectedCloseDate: '2020-01-01' }, '2026-03-15').overdue).toBe(
      false,
    )
    expect(computeDealGrade({ demandStatus: '无需求', expectedCloseDate: null }, '2026-03-15')).toEqual({
      grade: 'E',
      overdue: false,
      reason: '无需求（死亡客户）',
    })
  })

  it('does not grade a customer without a demand status', () => {
    expect(computeDealGrade({ demandStatus: null, expectedCloseDate: '2026-03-20' }, '2026-03-15')).toEqual({
      grade: null,
      overdue: false,
      reason: '未填需求状况',
    })
  })

  it('clamps month ends: from 31 Jan one month reaches 28 Feb', () => {
    const today = '2026-01-31'
    expect(clear('2026-02-28', today).grade).toBe('A')
    expect(clear('2026-03-01', today).grade).toBe('B')
    // 31 Jan + 3 months = 30 Apr (April has no 31st).
    expect(clear('2026-04-30', today).grade).toBe('B')
    expect(clear('2026-05-01', today).grade).toBe('C')
    // 31 Jan + 6 months = 31 Jul.
    expect(clear('2026-07-31', today).grade).toBe('C')
    expect(clear('2026-08-01', today).grade).toBe('D')
    // A leap year's February has 29 days.
    expect(clear('2028-02-29', '2028-01-31').grade).toBe('A')
    expect(clear('2028-03-01', '2028-01-31').grade).toBe('B')
  })

  it('crosses the year end', () => {
    expect(clear('2027-01-15', '2026-12-15').grade).toBe('A')
    expect(clear('2027-01-16', '2026-12-15').grade).toBe('B')
    expect(clear('2027-06-15', '2026-12-15').grade).toBe('C')
    expect(clear('2027-06-16', '2026-12-15').grade).toBe('D')
  })
})

describe('urgency', () => {
  it('is 紧急 up to 7 days, including late actions', () => {
    expect(urgency(-3)).toBe('紧急')
    expect(urgency(0)).toBe('紧急')
    expect(urgency(7)).toBe('紧急')
  })

  it('is 缓急 from 8 to 30 days', () => {
    expect(urgency(8)).toBe('缓急')
    expect(urgency(30)).toBe('缓急')
  })

  it('is 不紧急 from 31 to 90 days', () => {
    expect(urgency(31)).toBe('不紧急')
    expect(urgency(90)).toBe('不紧急')
  })

  it('is 可慢反应 after 90 days', () => {
    expect(urgency(91)).toBe('可慢反应')
    expect(urgency(400)).toBe('可慢反应')
  })
})
