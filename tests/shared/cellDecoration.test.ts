import { describe, expect, it } from 'vitest'
import { splitPhoneText, stripDecoration, tidyPhone } from '../../src/shared/cellDecoration'
import { cleanPhone, cleanPhones, cleanText } from '../../src/shared/importCleaning'
import { isPhone } from '../../src/shared/phone'

describe('decoration around a value', () => {
  it.each([
    ["'13800138000", '13800138000'],
    ["'0755-12345678", '0755-12345678'],
    ['"广州人易"', '广州人易'],
    ['“广州人易”', '广州人易'],
    ['”广州人易”', '”广州人易”'],
    ['「华南」', '华南'],
    ['『华南』', '华南'],
    ["'广州人易'", '广州人易'],
    [`'"13800138000"`, '13800138000'],
    ['“人易”科技', '“人易”科技'],
    ['人易"科技"', '人易"科技"'],
    ['"', '"'],
  ])('stripDecoration(%s) = %s', (raw, clean) => {
    expect(stripDecoration(raw)).toBe(clean)
  })

  it('cleanText takes quotes, tabs, NBSP and full-width spaces off every text cell', () => {
    expect(cleanText("\t'13800138000\u00a0")).toBe('13800138000')
    expect(cleanText('\u3000“广州人易”\u3000')).toBe('广州人易')
    expect(cleanText('＂华南＂')).toBe('华南')
    expect(cleanText('""')).toBeNull()
    expect(cleanText("'")).toBeNull()
  })
})

describe('one phone number', () => {
  it.each([
    ['手机:13800138000', '13800138000'],
    ['手机号 13800138000', '13800138000'],
    ['电话:020-12345678', '020-12345678'],
    ['Tel: 020 1234 5678', '02012345678'],
    ['TEL.020-12345678', '020-12345678'],
    ['传真:020-12345679', '020-12345679'],
    ['M:13800138000', '13800138000'],
    ['+86 138 0013 8000', '13800138000'],
    ['+86-13800138000', '13800138000'],
    ['0086 13800138000', '13800138000'],
    ['86-13800138000', '13800138000'],
    ['8613800138000', '13800138000'],
    ['+86 20 1234 5678', '02012345678'],
    ['+86(20)12345678', '020-12345678'],
    ['86-755-12345678', '0755-12345678'],
    ['020-12345678转801', '020-12345678-801'],
    ['020-12345678 转 801', '020-12345678-801'],
    ['020-12345678分机801', '020-12345678-801'],
    ['020-12345678 ext. 801', '020-12345678-801'],
    ['020-12345678 x801', '020-12345678-801'],
    ['020-12345678(转801)', '020-12345678-801'],
    ['020-12345678-801', '020-12345678-801'],
    ['13800138000(手机)', '13800138000'],
    ['020-12345678（总机）', '020-12345678'],
    ['(020)12345678', '(020)12345678'],
    ['138-0013-8000', '13800138000'],
  ])('tidyPhone(%s) = %s', (raw, tidy) => {
    expect(tidyPhone(raw)).toBe(tidy)
    expect(isPhone(tidy), tidy).toBe(true)
  })

  it('puts back the 0 a landline lost in a number cell, only then', () => {
    expect(tidyPhone('2012345678', true)).toBe('02012345678')
    expect(tidyPhone('2012345678')).toBe('2012345678')
  })
})

describe('several numbers in one cell', () => {
  it.each([
    ['13800138000/13900139000', ['13800138000', '13900139000']],
    ['13800138000、13900139000', ['13800138000', '13900139000']],
    ['13800138000,13900139000', ['13800138000', '13900139000']],
    ['13800138000;13900139000', ['13800138000', '13900139000']],
    ['13800138000 13900139000', ['13800138000', '13900139000']],
    ['13800138000或13900139000', ['13800138000', '13900139000']],
    ['手机:13800138000 电话:020-12345678转801', ['13800138000', '020-12345678-801']],
    ['138 0013 8000', ['13800138000']],
    ['手机: 13800138000', ['13800138000']],
    // Too short to be a second number: read as one, which its check then refuses.
    ['020-12345678/9', ['020-12345678/9']],
  ])('splitPhoneText(%s)', (raw, numbers) => {
    expect(splitPhoneText(raw)).toEqual(numbers)
  })

  it('cleanPhones reads cells as the readers give them', () => {
    expect(cleanPhones('１３８００１３８０００／１３９００１３９０００')).toEqual(['13800138000', '13900139000'])
    expect(cleanPhones("'13800138000")).toEqual(['13800138000'])
    expect(cleanPhones('手机：13800138000')).toEqual(['13800138000'])
    expect(cleanPhones(8613800138000)).toEqual(['13800138000'])
    expect(cleanPhones(13800138000)).toEqual(['13800138000'])
    expect(cleanPhones(2012345678)).toEqual(['02012345678'])
    expect(cleanPhones('  ')).toBeNull()
    expect(cleanPhone('13800138000/13900139000')).toBe('13800138000')
  })
})
