import { describe, expect, it } from 'vitest'
import { creditCodeCheckChar, isValidCreditCode, normalizeCreditCode } from '../../src/shared/creditCode'

describe('isValidCreditCode (GB 32100-2015)', () => {
  it.each(['91350100M000100Y43', '91440300708461136T', '9144030071526726XG', '91110000802100433B'])(
    '%s is valid',
    (code) => {
      expect(isValidCreditCode(code)).toBe(true)
    },
  )

  it('changing any one character makes it invalid', () => {
    const code = '91350100M000100Y43'
    for (let i = 0; i < code.length; i++) {
      const replacement = code[i] === '1' ? '2' : '1'
      const changed = code.slice(0, i) + replacement + code.slice(i + 1)
      expect(isValidCreditCode(changed), changed).toBe(false)
    }
  })

  it('refuses wrong length, letters outside the alphabet and a non-digit division code', () => {
    expect(isValidCreditCode('91350100M000100Y4')).toBe(false)
    expect(isValidCreditCode('91350100M000100Y433')).toBe(false)
    expect(isValidCreditCode('91350100I000100Y43')).toBe(false)
    expect(isValidCreditCode('913501A0M000100Y43')).toBe(false)
    expect(isValidCreditCode('')).toBe(false)
  })

  it('computes the check character, and 31 - 0 wraps to 0', () => {
    expect(creditCodeCheckChar('91350100M000100Y4')).toBe('3')
    expect(creditCodeCheckChar('00000000000000000')).toBe('0')
  })

  it('normalises what people type: full-width, spaces, lower case', () => {
    expect(normalizeCreditCode(' ９１３５０１００m000 100y43 ')).toBe('91350100M000100Y43')
  })
})
