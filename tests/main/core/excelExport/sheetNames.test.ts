import { describe, expect, it } from 'vitest'
import { legalSheetName, legalSheetNames, maxSheetNameLength } from '../../../../src/main/core/excelExport/sheetNames'

describe('legalSheetNames', () => {
  it('replaces the characters Excel forbids with their full-width forms', () => {
    expect(legalSheetName('a/b\\c?d*e[f]g:h')).toBe('a／b＼c？d＊e［f］g：h')
  })

  it('cuts names to 31 characters without splitting a surrogate pair', () => {
    const long = '广州市天河区人易科技股份有限公司第一分公司华南大区销售与售后服务中心'
    expect(long.length).toBeGreaterThan(31)
    expect(legalSheetName(long)).toBe(long.slice(0, 31))
    const emoji = `${'字'.repeat(30)}😀x`
    expect(legalSheetName(emoji)).toBe('字'.repeat(30))
  })

  it('trims apostrophes and spaces at the ends, and never returns an empty or reserved name', () => {
    expect(legalSheetName("'张三'")).toBe('张三')
    expect(legalSheetName(" ' ")).toBe('客户')
    expect(legalSheetName('\u0001\u0002')).toBe('客户')
    expect(legalSheetName('History')).toBe('History_')
  })

  it('makes duplicates unique, ignoring case as Excel does, within 31 characters', () => {
    const long = 'x'.repeat(40)
    const names = legalSheetNames(['人易', '人易', 'ABC', 'abc', long, long, '人易(2)', 'a/b', 'a／b'])
    expect(names).toEqual([
      '人易',
      '人易(2)',
      'ABC',
      'abc(2)',
      'x'.repeat(31),
      `${'x'.repeat(28)}(2)`,
      '人易(2)(2)',
      'a／b',
      'a／b(2)',
    ])
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length)
    for (const name of names) {
      expect(name.length).toBeLessThanOrEqual(maxSheetNameLength)
      expect(name).not.toMatch(/[\\/?*[\]:]/)
      expect(name).not.toMatch(/^'|'$/)
    }
  })
})
