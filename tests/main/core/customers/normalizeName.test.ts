import { describe, expect, it } from 'vitest'
import { namePinyin } from '../../../../src/main/core/customers/namePinyin'
import { normalizeName } from '../../../../src/main/core/customers/normalizeName'

describe('normalizeName', () => {
  it.each([
    ['ＡＢＣ贸易有限公司', 'abc贸易'],
    ['ABC 贸易', 'abc贸易'],
    ['人易（广州）科技有限公司', '人易广州科技'],
    ['人易(广州)科技', '人易广州科技'],
    ['【人易】科技', '人易科技'],
    ['某某集团股份有限公司', '某某'],
    ['某某集团有限公司', '某某'],
    ['某某有限责任公司', '某某'],
    ['某某公司', '某某'],
    ['广州五金厂', '广州五金'],
    ['绿色·家园 店', '绿色家园'],
    ['Acme Trading Co., Ltd.', 'acmetrading'],
    ['ACME TRADING LIMITED', 'acmetrading'],
    ['Costco', 'costco'],
    ['某某有限公司广州分公司', '某某有限公司广州分公司'],
  ])('%s → %s', (raw, expected) => {
    expect(normalizeName(raw)).toBe(expected)
  })

  it('ignores invisible characters: zero-width space and joiners, BOM, soft hyphen, word joiner', () => {
    expect(normalizeName('零宽\u200B查重科技有限公司')).toBe(normalizeName('零宽查重科技有限公司'))
    expect(normalizeName('\uFEFF零\u200C宽\u200D查\u00AD重\u2060')).toBe('零宽查重')
    // Between a name and its legal form too, which is still taken off.
    expect(normalizeName('某某有限\u200B公司')).toBe('某某')
    expect(normalizeName('Acme\u200B Co., Ltd.\u00AD')).toBe('acme')
  })

  it('never strips a name down to nothing', () => {
    expect(normalizeName('公司')).toBe('公司')
    expect(normalizeName('有限公司')).toBe('有限')
  })
})

describe('namePinyin', () => {
  it('full pinyin and initials without tones or spaces', () => {
    expect(namePinyin('广州人易')).toEqual({ pinyin: 'guangzhourenyi', initials: 'gzry' })
    expect(namePinyin('重庆ＡＢＣ 绿化')).toEqual({ pinyin: 'chongqingabclvhua', initials: 'cqabclh' })
    expect(namePinyin('（）')).toEqual({ pinyin: '', initials: '' })
  })
})
