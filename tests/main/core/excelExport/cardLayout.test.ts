import { describe, expect, it } from 'vitest'
import { packRows, starText, type CardCell } from '../../../../src/main/core/excelExport/cardContent'
import { rowHeightFor, wrappedLines } from '../../../../src/main/core/excelExport/textHeight'

const cell = (label: string, span = 1): CardCell => ({ label, value: label, span })
const shape = (rows: CardCell[][]): string[][] => rows.map((row) => row.map((c) => `${c.label}:${c.span}`))

describe('printed card layout', () => {
  it('packs label/value pairs three to a row, widening the last pair of a row instead of leaving a hole', () => {
    expect(shape(packRows([cell('a'), cell('b', 2), cell('c'), cell('d', 3), cell('e'), cell('f')]))).toEqual([
      ['a:1', 'b:2'],
      ['c:3'],
      ['d:3'],
      ['e:1', 'f:2'],
    ])
    expect(packRows([])).toEqual([])
  })

  it('draws 信用状况 as five stars', () => {
    expect(starText(4)).toBe('★★★★☆')
    expect(starText(5)).toBe('★★★★★')
    expect(starText(null)).toBeNull()
  })

  it('estimates wrapped lines from the text, counting Chinese characters as wide', () => {
    expect(wrappedLines('短', 16, 10)).toBe(1)
    expect(wrappedLines('一二三四五六七八九十', 16, 10)).toBe(2)
    expect(wrappedLines('0123456789', 16, 10)).toBe(1)
    expect(wrappedLines('第一行\n第二行\n第三行', 60, 10)).toBe(3)
    expect(wrappedLines('字'.repeat(100), 76, 10)).toBe(3)
    expect(rowHeightFor(1, 10, 20)).toBe(20)
    expect(rowHeightFor(3, 10, 20)).toBeGreaterThan(rowHeightFor(2, 10, 20))
  })
})
