import { describe, expect, it } from 'vitest'
import { requiredName, text } from '../../src/shared/fieldSchemas'
import { hasLoneSurrogate, isBlank, loneSurrogatePath, visibleText } from '../../src/shared/visibleText'

describe('visibleText', () => {
  it('removes zero-width, format, control and filler characters, and keeps every visible one', () => {
    expect(visibleText('零宽\u200B查重')).toBe('零宽查重')
    expect(visibleText('\uFEFF人\u200C易\u200D科\u00AD技\u2060\u200E\u202E')).toBe('人易科技')
    expect(visibleText('甲\u0007乙\u3164丙\u2800丁\uFE0F\u034F')).toBe('甲乙丙丁')
    const visible = '广州 ABC（人易）·科技-有限公司 😀 Ｘ'
    expect(visibleText(visible)).toBe(visible)
  })

  it('blank: empty, spaces, or only invisible characters', () => {
    for (const value of ['', '   ', '\u200B', '\u3000\u200B\uFEFF \u00AD', '\u200C\u200D\u2060']) {
      expect(isBlank(value), JSON.stringify(value)).toBe(true)
    }
    for (const value of ['甲', '\u200B甲', 'a\u00AD']) expect(isBlank(value), JSON.stringify(value)).toBe(false)
  })

  it('finds a lone surrogate in a value or a key, not in a surrogate pair', () => {
    expect(hasLoneSurrogate('\uD800')).toBe(true)
    expect(hasLoneSurrogate('甲\uDC00')).toBe(true)
    expect(hasLoneSurrogate('\uDE00\uD83D')).toBe(true) // a pair in the wrong order is two lone halves
    expect(hasLoneSurrogate('😀𠮷')).toBe(false)
    expect(loneSurrogatePath({ a: ['x', { b: 'y\uD800' }] })).toEqual(['a', 1, 'b'])
    expect(loneSurrogatePath({ rows: [{ ['\uDBFF']: 1 }] })).toEqual(['rows', 0])
    expect(loneSurrogatePath({ a: ['😀', 1, null, { b: true }] })).toBeNull()
  })
})

describe('requiredName and text', () => {
  const name = requiredName('客户名称', 10, { empty: '客户名称不能为空' })

  it('a name is stored without invisible characters; one made only of them is refused', () => {
    expect(name.parse(' 零宽\u200B查\u00AD重 ')).toBe('零宽查重')
    const invisible = name.safeParse('\u200B\u200C\u200D\uFEFF\u00AD')
    expect(invisible.error?.issues[0]?.message).toBe('客户名称只含看不见的字符（如零宽空格），请输入看得见的文字')
    expect(name.safeParse('  ').error?.issues[0]?.message).toBe('客户名称不能为空')
    // The length counts what is seen.
    expect(name.parse('一二三四五六七八九十\u200B')).toBe('一二三四五六七八九十')
  })

  it('free text that shows nothing is empty; other free text keeps its characters (an emoji’s joiner)', () => {
    const remarks = text('备注', 100)
    expect(remarks.parse('\u200B\uFEFF ')).toBeNull()
    expect(remarks.parse('家人 👨\u200D👩\u200D👧')).toBe('家人 👨\u200D👩\u200D👧')
  })
})
