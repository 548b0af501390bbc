import { describe, expect, it } from 'vitest'
import {
  lunarDayName,
  parseWrittenDate,
  readCalendarDate,
  writtenLunarDate,
} from '../../src/shared/writtenCalendarDate'

describe('readCalendarDate: lunar dates as people write them', () => {
  it.each([
    ['八月十五', '08-15'],
    ['腊月初八', '12-08'],
    ['正月初一', '01-01'],
    ['元月初十', '01-10'],
    ['冬月廿三', '11-23'],
    ['十一月三十', '11-30'],
    ['二月二十', '02-20'],
    ['三月廿', '03-20'],
    ['九月卅', '09-30'],
    ['闰四月初一', '闰04-01'],
    ['农历八月十五', '08-15'],
    ['阴历 腊月 初八', '12-08'],
    ['1980年八月十五', '1980-08-15'],
    ['一九八〇年八月十五日', '1980-08-15'],
    ['2020年闰四月十五', '2020-闰04-15'],
    ['1980-8-15', '1980-08-15'],
    ['1980/8/15', '1980-08-15'],
    ['1980.08.15', '1980-08-15'],
    ['8-15', '08-15'],
    ['8月15日', '08-15'],
    ['2020-闰04-15', '2020-闰04-15'],
    ['１９８０－８－１５', '1980-08-15'],
  ])('%s → %s', (text, stored) => {
    expect(readCalendarDate(text, 'lunar')).toBe(stored)
  })

  it('refuses what is no lunar date', () => {
    expect(readCalendarDate('十三月初一', 'lunar')).toBeNull()
    expect(readCalendarDate('八月三十一', 'lunar')).toBeNull()
    expect(readCalendarDate('八月初十一', 'lunar')).toBeNull()
    expect(readCalendarDate('八月', 'lunar')).toBeNull()
    expect(readCalendarDate('中秋', 'lunar')).toBeNull()
    // 2021 has no 闰四月 (2020 has).
    expect(readCalendarDate('2021年闰四月初一', 'lunar')).toBeNull()
    // 1980's 八月 exists, but lunar months have at most 30 days.
    expect(readCalendarDate('1980-8-31', 'lunar')).toBeNull()
  })

  it('a solar date takes digits only: lunar words make it a lunar date', () => {
    expect(readCalendarDate('1985-3-8', 'solar')).toBe('1985-03-08')
    expect(readCalendarDate('3月8日', 'solar')).toBe('03-08')
    expect(readCalendarDate('腊月初八', 'solar')).toBeNull()
    expect(readCalendarDate('闰04-01', 'solar')).toBeNull()
    expect(readCalendarDate('1985-2-30', 'solar')).toBeNull()
    expect(parseWrittenDate('腊月初八')).toEqual({ date: '12-08', lunarWords: true })
    expect(parseWrittenDate('12-08')).toEqual({ date: '12-08', lunarWords: false })
  })
})

describe('writtenLunarDate', () => {
  it('writes a stored lunar date the way people read it, and reads back the same', () => {
    expect(writtenLunarDate('1980-08-15')).toBe('1980年八月十五')
    expect(writtenLunarDate('12-08')).toBe('腊月初八')
    expect(writtenLunarDate('闰04-01')).toBe('闰四月初一')
    expect(writtenLunarDate('11-30')).toBe('冬月三十')
    expect(writtenLunarDate('not a date')).toBe('not a date')
    for (let day = 1; day <= 30; day++) {
      const stored = `01-${String(day).padStart(2, '0')}`
      expect(readCalendarDate(writtenLunarDate(stored), 'lunar')).toBe(stored)
    }
    expect(lunarDayName(21)).toBe('廿一')
  })
})
