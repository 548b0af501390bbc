import { describe, expect, it } from 'vitest'
import { cleanCalendarDate, cleanCalendarKind } from '../../src/shared/importCleaning'

const cell = (date: string, calendar: 'solar' | 'lunar', stated: boolean) => ({
  ok: true,
  value: { date, calendar, stated },
})

describe('birthdays and 纪念日 as offices write them', () => {
  it('reads solar dates as cleanDate does, with or without the year', () => {
    expect(cleanCalendarDate(new Date(Date.UTC(1990, 7, 15)), '生日')).toEqual(cell('1990-08-15', 'solar', false))
    expect(cleanCalendarDate(45296, '生日')).toEqual(cell('2024-01-05', 'solar', false))
    expect(cleanCalendarDate('1990年8月15日', '生日')).toEqual(cell('1990-08-15', 'solar', false))
    expect(cleanCalendarDate('19900815', '生日')).toEqual(cell('1990-08-15', 'solar', false))
    expect(cleanCalendarDate('08-15', '生日')).toEqual(cell('08-15', 'solar', false))
    expect(cleanCalendarDate('3月8日', '生日')).toEqual(cell('03-08', 'solar', false))
    expect(cleanCalendarDate('阳历1990-3-8', '生日')).toEqual(cell('1990-03-08', 'solar', true))
    expect(cleanCalendarDate(null, '生日')).toEqual({ ok: true, value: null })
  })

  it('reads 农历 before or after the date, and lunar dates in words', () => {
    expect(cleanCalendarDate('农历1990-08-15', '生日')).toEqual(cell('1990-08-15', 'lunar', true))
    expect(cleanCalendarDate('1990-08-15（农历）', '生日')).toEqual(cell('1990-08-15', 'lunar', true))
    expect(cleanCalendarDate('阴历 8月15', '生日')).toEqual(cell('08-15', 'lunar', true))
    expect(cleanCalendarDate('农历八月十五', '生日')).toEqual(cell('08-15', 'lunar', true))
    expect(cleanCalendarDate('1990年农历八月十五', '生日')).toEqual(cell('1990-08-15', 'lunar', true))
    expect(cleanCalendarDate('一九九〇年八月十五', '生日')).toEqual(cell('1990-08-15', 'lunar', false))
    expect(cleanCalendarDate('腊月初八', '生日')).toEqual(cell('12-08', 'lunar', false))
    expect(cleanCalendarDate('正月初一', '生日')).toEqual(cell('01-01', 'lunar', false))
    expect(cleanCalendarDate('冬月廿三', '生日')).toEqual(cell('11-23', 'lunar', false))
    expect(cleanCalendarDate('十二月二十九日', '生日')).toEqual(cell('12-29', 'lunar', false))
    expect(cleanCalendarDate('三月三十', '生日')).toEqual(cell('03-30', 'lunar', false))
    expect(cleanCalendarDate('农历闰四月十五', '生日')).toEqual(cell('闰04-15', 'lunar', true))
    expect(cleanCalendarDate('2020-闰04-15', '生日')).toEqual(cell('2020-闰04-15', 'lunar', true))
  })

  it('refuses what is not a date, naming the column', () => {
    expect(cleanCalendarDate('八月', '联系人生日')).toEqual({
      ok: false,
      error: '联系人生日「八月」无法识别为日期，请写成 1990-08-15、08-15（不知道年份）或 农历八月十五',
    })
    expect(cleanCalendarDate('农历三十', '生日').ok).toBe(false)
    expect(cleanCalendarDate('abc', '生日').ok).toBe(false)
  })

  it('reads 公历/农历 and their other names', () => {
    expect(cleanCalendarKind('农历', '生日历法')).toEqual({ ok: true, value: 'lunar' })
    expect(cleanCalendarKind('阴历', '生日历法')).toEqual({ ok: true, value: 'lunar' })
    expect(cleanCalendarKind(' 阳历 ', '生日历法')).toEqual({ ok: true, value: 'solar' })
    expect(cleanCalendarKind(null, '生日历法')).toEqual({ ok: true, value: null })
    expect(cleanCalendarKind('农', '生日历法')).toEqual({ ok: false, error: '生日历法「农」应填写 公历 或 农历' })
  })
})
