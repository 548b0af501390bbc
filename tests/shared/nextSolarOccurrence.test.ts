import { describe, expect, it } from 'vitest'
import { parseCalendarDate } from '../../src/shared/calendarDate'
import { nextSolarOccurrence } from '../../src/shared/nextSolarOccurrence'

describe('nextSolarOccurrence', () => {
  it('solar dates: this year, or next year once passed; today counts', () => {
    expect(nextSolarOccurrence('1985-03-08', 'solar', '2026-01-10')).toBe('2026-03-08')
    expect(nextSolarOccurrence('03-08', 'solar', '2026-03-08')).toBe('2026-03-08')
    expect(nextSolarOccurrence('03-08', 'solar', '2026-03-09')).toBe('2027-03-08')
  })

  it('29 Feb falls on 28 Feb in a common year and stays 29 Feb in a leap year', () => {
    expect(nextSolarOccurrence('2000-02-29', 'solar', '2026-01-01')).toBe('2026-02-28')
    expect(nextSolarOccurrence('02-29', 'solar', '2027-03-01')).toBe('2028-02-29')
  })

  it('lunar dates convert each year (中秋 八月十五)', () => {
    expect(nextSolarOccurrence('08-15', 'lunar', '2025-01-01')).toBe('2025-10-06')
    expect(nextSolarOccurrence('1970-08-15', 'lunar', '2025-10-07')).toBe('2026-09-25')
  })

  it('a lunar 12th-month date early in the solar year comes from last lunar year', () => {
    // 腊月二十 of lunar 2025 is 2026-02-07.
    expect(nextSolarOccurrence('12-20', 'lunar', '2026-01-01')).toBe('2026-02-07')
  })

  it('lunar day 30 in a year whose month has 29 days falls on the 29th', () => {
    // Lunar 2024 month 12 has 29 days: 除夕 is 腊月廿九 = 2025-01-28.
    expect(nextSolarOccurrence('12-30', 'lunar', '2025-01-01')).toBe('2025-01-28')
    // Lunar 2025 month 12 has 30 days: 2026-02-16.
    expect(nextSolarOccurrence('12-30', 'lunar', '2026-01-01')).toBe('2026-02-16')
  })

  it('a leap-month date uses the leap month in years that have it, else the ordinary month', () => {
    // 2023 has 闰二月: 闰二月初一 = 2023-03-22, 二月初一 = 2023-02-20.
    expect(nextSolarOccurrence('2004-闰02-01', 'lunar', '2023-01-01')).toBe('2023-03-22')
    expect(nextSolarOccurrence('02-01', 'lunar', '2023-01-01')).toBe('2023-02-20')
    // 2024 has no 闰二月: the ordinary 二月初一 = 2024-03-10.
    expect(nextSolarOccurrence('2004-闰02-01', 'lunar', '2024-01-01')).toBe('2024-03-10')
  })

  it('refuses dates that are not in the format', () => {
    expect(() => nextSolarOccurrence('2025-13-01', 'solar', '2025-01-01')).toThrow()
    expect(() => nextSolarOccurrence('闰02-01', 'solar', '2025-01-01')).toThrow()
  })
})

describe('parseCalendarDate', () => {
  it('knows which dates exist', () => {
    expect(parseCalendarDate('02-29', 'solar')).toEqual({ year: null, month: 2, day: 29, leap: false })
    expect(parseCalendarDate('2025-02-29', 'solar')).toBeNull()
    expect(parseCalendarDate('2023-闰02-30', 'lunar')).toBeNull()
    expect(parseCalendarDate('2023-闰02-29', 'lunar')).toEqual({ year: 2023, month: 2, day: 29, leap: true })
    expect(parseCalendarDate('2024-闰02-01', 'lunar')).toBeNull()
    expect(parseCalendarDate('08-30', 'lunar')).toEqual({ year: null, month: 8, day: 30, leap: false })
    expect(parseCalendarDate('08-31', 'lunar')).toBeNull()
  })
})
