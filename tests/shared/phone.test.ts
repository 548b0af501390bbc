import { describe, expect, it } from 'vitest'
import { isMobile, isPhone, normalizePhone } from '../../src/shared/phone'

describe('phone numbers', () => {
  it.each([
    ['020-1234 5678', '02012345678'],
    ['(020)12345678', '02012345678'],
    ['+86 138 0013 8000', '13800138000'],
    ['0086-13800138000', '13800138000'],
    ['+86 20 1234 5678', '02012345678'],
    ['１３８００１３８０００', '13800138000'],
    ['0755-1234567转8', '075512345678'],
  ])('normalizePhone(%s) = %s', (raw, digits) => {
    expect(normalizePhone(raw)).toBe(digits)
  })

  it('mobiles are 1[3-9] and 11 digits', () => {
    expect(isMobile('13800138000')).toBe(true)
    expect(isMobile('+86 199 1234 5678')).toBe(true)
    expect(isMobile('12800138000')).toBe(false)
    expect(isMobile('1380013800')).toBe(false)
    expect(isMobile('020-12345678')).toBe(false)
  })

  it('landlines need an area code; extensions and 400/800 numbers are fine', () => {
    for (const ok of [
      '020-12345678',
      '0755-1234567',
      '02012345678',
      '020-12345678-123',
      '400-123-4567',
      '800 810 1234',
    ])
      expect(isPhone(ok), ok).toBe(true)
    for (const bad of ['12345678', '020-123', 'abc', '020-12345678-1234567', '13800138000138'])
      expect(isPhone(bad), bad).toBe(false)
  })
})
