import { describe, expect, it } from 'vitest'
import { formatAmount, formatCount } from '../../../src/renderer/src/analysis/formatNumbers'

const values = [
  0,
  -0,
  1,
  -1,
  0.005,
  0.015,
  1.005,
  12800.5,
  -12800.555,
  1234567.891,
  9_999_999_999.995,
  1e21,
  Number.NaN,
]

describe('analysis number formats', () => {
  it('print what toLocaleString printed, with one formatter made once', () => {
    for (const value of values) {
      expect(formatAmount(value), String(value)).toBe(
        value.toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
      )
      expect(formatCount(value), String(value)).toBe(value.toLocaleString('zh-CN', { maximumFractionDigits: 0 }))
    }
    expect(formatAmount(1234567.891)).toBe('1,234,567.89')
    expect(formatCount(100000)).toBe('100,000')
  })
})
