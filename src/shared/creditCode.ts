/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters from a 31-character alphabet
 * (digits and capitals without I, O, Z, S, V). Characters 3–8 are the GB/T 2260
 * division code; the last one is a check character over the first 17.
 */
const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY'
const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
const shape = /^[0-9A-HJ-NP-RTUW-Y]{2}\d{6}[0-9A-HJ-NP-RTUW-Y]{10}$/

/** Full-width characters, spaces and lower case are what people type; the code itself is upper case. */
export function normalizeCreditCode(raw: string): string {
  return raw.normalize('NFKC').replace(/\s+/g, '').toUpperCase()
}

export function creditCodeCheckChar(first17: string): string {
  let sum = 0
  for (let i = 0; i < 17; i++) sum += alphabet.indexOf(first17[i] ?? '') * (weights[i] ?? 0)
  return alphabet[(31 - (sum % 31)) % 31] ?? ''
}

/** True for an 18-character code (already normalised) whose check character is right. */
export function isValidCreditCode(code: string): boolean {
  if (!shape.test(code)) return false
  return creditCodeCheckChar(code.slice(0, 17)) === code[17]
}
