import { describe, expect, it } from 'vitest'
import {
  cleanChoice,
  cleanDate,
  cleanNumber,
  cleanPhone,
  cleanText,
  cleanYesNo,
  labelKey,
  matchLabel,
  toHalfWidth,
} from '../../src/shared/importCleaning'
import { headerKey, customerImportFields, matchHeader } from '../../src/shared/excelImportFields'

describe('full-width and spaces', () => {
  it('turns full-width digits, letters and punctuation half-width', () => {
    expect(toHalfWidth('ＡＢＣ１２３，（）：！')).toBe('ABC123,():!')
    expect(toHalfWidth('广州　人易')).toBe('广州 人易')
    // Chinese punctuation that has no half-width form stays.
    expect(toHalfWidth('人易、科技。')).toBe('人易、科技。')
  })

  it('trims and collapses spaces, tabs, line breaks and NBSP', () => {
    expect(cleanText('  广州\t人易 \n 科技\u00a0 ')).toBe('广州 人易 科技')
    expect(cleanText('　　')).toBeNull()
    expect(cleanText(null)).toBeNull()
    expect(cleanText(42)).toBe('42')
    expect(cleanText(new Date(Date.UTC(2024, 0, 5)))).toBe('2024-01-05')
  })
})

describe('phones', () => {
  it('reads numbers Excel stored as numbers', () => {
    expect(cleanPhone(13800138000)).toBe('13800138000')
    expect(cleanPhone('1.38001380000E10')).toBe('13800138000')
    expect(cleanPhone('1.38001380000E+10')).toBe('13800138000')
    // 020-12345678 typed into a number cell lost its leading 0.
    expect(cleanPhone(2012345678)).toBe('02012345678')
  })

  it('drops spaces and dashes of mobiles, keeps the dash of landlines', () => {
    expect(cleanPhone('138 0013 8000')).toBe('13800138000')
    expect(cleanPhone('138-0013-8000')).toBe('13800138000')
    expect(cleanPhone('１３８００１３８０００')).toBe('13800138000')
    expect(cleanPhone(' 020 - 12345678 ')).toBe('020-12345678')
    expect(cleanPhone('0755-1234567—8')).toBe('0755-1234567-8')
    expect(cleanPhone('')).toBeNull()
  })
})

describe('dates', () => {
  const date = (cell: Parameters<typeof cleanDate>[0]) => cleanDate(cell, '登记日期')

  it('reads Excel serial numbers and date cells', () => {
    expect(date(45296)).toEqual({ ok: true, value: '2024-01-05' })
    expect(date('45296')).toEqual({ ok: true, value: '2024-01-05' })
    expect(date(45296.75)).toEqual({ ok: true, value: '2024-01-05' })
    expect(date(new Date(Date.UTC(2024, 0, 5)))).toEqual({ ok: true, value: '2024-01-05' })
  })

  it('reads the text forms offices type', () => {
    for (const text of [
      '2024/1/5',
      '2024-1-5',
      '2024年1月5日',
      '2024.1.5',
      '2024-01-05',
      '20240105',
      '２０２４／１／５',
      ' 2024年01月05日 ',
      '2024/1/5 10:30',
    ]) {
      expect(date(text), text).toEqual({ ok: true, value: '2024-01-05' })
    }
  })

  it('refuses dates that do not exist or cannot be read, in Chinese', () => {
    expect(date('2024-2-30')).toEqual({ ok: false, error: '登记日期「2024-2-30」不是存在的日期' })
    const unreadable = date('明天')
    expect(unreadable.ok).toBe(false)
    expect(!unreadable.ok && unreadable.error).toContain('无法识别为日期')
    expect(date(-3).ok).toBe(false)
    expect(date('')).toEqual({ ok: true, value: null })
  })
})

describe('numbers, yes/no, choices', () => {
  it('reads amounts written with separators and currency', () => {
    expect(cleanNumber('1,200.50', '金额')).toEqual({ ok: true, value: 1200.5 })
    expect(cleanNumber('￥１２００元', '金额')).toEqual({ ok: true, value: 1200 })
    expect(cleanNumber(7, '金额')).toEqual({ ok: true, value: 7 })
    expect(cleanNumber('很多', '金额')).toEqual({ ok: false, error: '金额「很多」不是有效的数字' })
  })

  it('reads yes/no words', () => {
    for (const yes of ['是', '有', 'Y', 'yes', 'TRUE', '1', '√', 'Ｙ'])
      expect(cleanYesNo(yes, '关键人').ok && cleanYesNo(yes, '关键人')).toEqual({ ok: true, value: true })
    for (const no of ['否', '无', 'N', 'no', 'false', '0', '×'])
      expect(cleanYesNo(no, '关键人')).toEqual({ ok: true, value: false })
    expect(cleanYesNo(true, '关键人')).toEqual({ ok: true, value: true })
    expect(cleanYesNo('也许', '关键人')).toEqual({ ok: false, error: '关键人「也许」应填写 是 或 否' })
  })

  it('matches choices ignoring width and spaces', () => {
    expect(cleanChoice(' 已成交 ', '成交状态', ['已成交', '潜在'] as const)).toEqual({ ok: true, value: '已成交' })
    expect(cleanChoice('成交', '成交状态', ['已成交', '潜在'] as const)).toEqual({
      ok: false,
      error: '成交状态「成交」应为：已成交、潜在',
    })
  })
})

describe('dictionary labels', () => {
  const items = [
    { id: 1, label: '华南' },
    { id: 2, label: '私营或个体户' },
    { id: 3, label: 'IT服务' },
    { id: 4, label: '展览会' },
  ]

  it('matches exactly after width, case and spaces are ignored', () => {
    expect(matchLabel(' 华 南', items)).toEqual({ item: items[0] })
    expect(matchLabel('ｉｔ服务', items)).toEqual({ item: items[2] })
    expect(labelKey('ＩＴ 服务')).toBe('it服务')
  })

  it('only suggests on startsWith/contains, never picks silently', () => {
    expect(matchLabel('私营', items)).toEqual({ item: null, suggestions: [items[1]] })
    expect(matchLabel('国际展览会', items)).toEqual({ item: null, suggestions: [items[3]] })
    expect(matchLabel('西北', items)).toEqual({ item: null, suggestions: [] })
  })

  it('does not treat 有限公司 and 有限责任公司 as a dictionary spelling', () => {
    const forms = [{ id: 9, label: '有限公司' }]
    expect(matchLabel('有限责任公司', forms).item).toBeNull()
  })
})

describe('headers', () => {
  it('matches labels and synonyms, ignoring marks of required columns', () => {
    expect(matchHeader('客户名称*', customerImportFields)?.key).toBe('name')
    expect(matchHeader('单位名称（必填）', customerImportFields)?.key).toBe('name')
    expect(matchHeader('手机号', customerImportFields)?.key).toBe('contact.mobile')
    expect(matchHeader('移动电话', customerImportFields)?.key).toBe('contact.mobile')
    expect(matchHeader('ＥＭＡＩＬ', customerImportFields)?.key).toBe('email')
    expect(matchHeader('联系人手机', customerImportFields)?.key).toBe('contact.mobile')
    expect(matchHeader('不知道', customerImportFields)).toBeNull()
    expect(headerKey(' 公司 名称: ')).toBe('公司名称')
  })
})
