/**
 * Chinese phone numbers as people write them: `138 0013 8000`, `+86 13800138000`,
 * `(020) 1234 5678`, `020-12345678-123`, `0755-1234567转8`, `400-123-4567`,
 * often with full-width digits pasted from a spreadsheet.
 */
const mobile = /^1[3-9]\d{9}$/
const landline = /^0\d{2,3}-?\d{7,8}(-\d{1,6})?$/
const serviceLine = /^[48]00-?\d{3}-?\d{4}$/

/** Half-width, no spaces or brackets, extension `转` as `-`, the country code dropped. */
function tidy(raw: string): string {
  let value = raw
    .normalize('NFKC')
    .replace(/[\s()（）]/g, '')
    .replace(/[—－–]/g, '-')
    .replace(/(转|ext\.?|x)(?=\d)/gi, '-')
  const country = /^(\+86|0086)-?/.exec(value)
  if (country) {
    value = value.slice(country[0].length)
    // `+86 20 12345678` drops the trunk 0 of the area code; put it back.
    if (!value.startsWith('1') && !value.startsWith('0')) value = `0${value}`
  }
  return value
}

/** Digits only, for comparing numbers however they were written (duplicate detection, search). */
export function normalizePhone(raw: string): string {
  return tidy(raw).replace(/\D/g, '')
}

export function isMobile(raw: string): boolean {
  return mobile.test(tidy(raw))
}

/** A mobile, a landline with its area code (and optional extension), or a 400/800 number. */
export function isPhone(raw: string): boolean {
  const value = tidy(raw)
  return mobile.test(value) || landline.test(value) || serviceLine.test(value)
}

/** True when the text looks like (part of) a phone number, so a search should compare digits. */
export function looksLikePhone(raw: string): boolean {
  return /^[\d\s()（）+\-－]+$/.test(raw.normalize('NFKC')) && /\d{3}/.test(raw.normalize('NFKC'))
}
