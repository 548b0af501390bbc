/**
 * What office sheets wrap their values in, taken off before a value is checked:
 * Excel's text-forcing apostrophe, quotes around a whole value, labels and
 * country codes on phone numbers, extensions written in words, several numbers
 * in one cell. Pure string work on text that importCleaning.cleanText has
 * already made half-width with single spaces.
 */

/** Opening quote → the closing quotes accepted for it (people mix “ and ” up); stripDecoration checks their codes first. */
const closingQuotes: Record<string, string> = {
  '"': '"',
  "'": "'",
  '“': '”“"',
  '‘': '’‘',
  '「': '」',
  '『': '』',
}
/**
 * Quotes around the whole value ("…", “…”, 「…」) and a leading apostrophe,
 * which Excel and WPS users type to keep 0755… or 13800138000 as text. A quote
 * inside the value (“人易”科技) stays.
 */
export function stripDecoration(text: string): string {
  // By character code first: nearly every cell starts with none of them, and text[0] of a CJK
  // character is a new string each time.
  const lead = text.charCodeAt(0)
  if (lead !== 34 && lead !== 39 && lead !== 0x201c && lead !== 0x2018 && lead !== 0x300c && lead !== 0x300e) {
    return text
  }
  let value = text
  // Twice at most: '"13800138000" from a CSV of a CSV.
  for (let round = 0; round < 2; round++) {
    const closers = closingQuotes[value[0] ?? '']
    if (closers === undefined) break
    if (value.length > 1 && closers.includes(value[value.length - 1] as string)) value = value.slice(1, -1).trim()
    else if (value[0] === "'") value = value.slice(1).trim()
    else break
  }
  return value
}

/** A label before the number: 手机：, 电话:, Tel:, 传真：, M: … (one letter only with its colon). */
const phoneLabel =
  /^(?:(?:手机号码|手机号|手机|移动电话|联系电话|办公电话|单位电话|公司电话|电话号码|电话|座机|固话|传真号码|传真|宅电|家庭电话|telephone|tel|phone|mobile|mob|fax|cell)\s*[:：.]?|[tmfh]\s*[:：])\s*/i
/** A remark after the number in brackets: (手机), （办）, (微信同号). */
const trailingRemark = /\s*[(（][^\d()（）]*[)）]$/
/** An extension after the number: 转801, 分机 801, ext. 801, x801, #801, (转801). */
const extension = /(?<=\d)\s*[(（]?\s*(?:转|分机|ext\.?|x|#)\s*(\d{1,6})\s*[)）]?$/i
/** The country code: +86, 0086, 86- (a bare 86 only before a mobile, see below). */
const countryCode = /^(?:\+\s*86|0086)\s*-?\s*|^86\s*-\s*(?=\d)/
const bareCountryCode = /^86(?=1[3-9]\d{9}$)/
/** An area code in brackets: (020)12345678, (20) after +86. */
const bracketedArea = /^[(（](\d{2,4})[)）]-?/
const dashes = /[—–‐－]/g
const plainPhone = /^[\d-]+$/
const mobileDigits = /^1[3-9]\d{9}$/

/**
 * One phone number as it is stored (phone.ts): a mobile as its 11 digits, a
 * landline with its dashes and an extension as `-801`; the label, the country
 * code and spaces taken off. `fromNumberCell`: the cell was a number, so a
 * landline lost the 0 of its area code (020-12345678 → 2012345678).
 */
export function tidyPhone(text: string, fromNumberCell = false): string {
  let value = text
  let ext = ''
  // Most cells are digits and dashes: only the country code may need taking off.
  if (!plainPhone.test(value)) {
    value = value.replace(phoneLabel, '').replace(trailingRemark, '').replace(dashes, '-')
    const written = extension.exec(value)
    if (written) {
      ext = written[1] as string
      value = value.slice(0, written.index)
    }
    value = value.replace(/\s+/g, '')
  }
  // Only +…, 00… and 86… can start with a country code: most numbers are passed at the first character.
  const lead = value.charCodeAt(0)
  const country =
    lead === 43 || lead === 56 || (lead === 48 && value.charCodeAt(1) === 48)
      ? (countryCode.exec(value) ?? bareCountryCode.exec(value))
      : null
  if (country) {
    value = value.slice(country[0].length).replace(bracketedArea, '$1-')
    // `+86 20 12345678` drops the trunk 0 of the area code: put back, as phone.ts reads it.
    if (value !== '' && value[0] !== '1' && value[0] !== '0') value = `0${value}`
  }
  const digits = value.replace(/-/g, '')
  if (mobileDigits.test(digits)) return ext ? `${digits}-${ext}` : digits
  if (fromNumberCell && /^[2-9]\d{8,10}$/.test(value)) value = `0${value}`
  return ext ? `${value}-${ext}` : value
}

/** Between numbers: / 、 , ; | and 或/及 after a digit. */
const numberSeparators = /[/、,;|]+|(?<=\d)\s*(?:或|及)\s*/
const digitRuns = /\d/g

function digitCount(text: string): number {
  return text.match(digitRuns)?.length ?? 0
}

/** A whole number has at least 7 digits; fewer is part of one (138 0013 8000) or an extension. */
const wholeNumberDigits = 7

/**
 * The numbers of a phone cell, each tidied (tidyPhone): 13800138000/13900139000,
 * 手机：138… 电话：020-…, 13800138000 13900139000. Spaces split only between
 * whole numbers (138 0013 8000 is one). When a piece is too short to be a
 * number (020-12345678/9), the cell is read as one number and its check says why.
 */
export function splitPhoneText(text: string): string[] {
  const pieces = text
    .split(numberSeparators)
    .map((piece) => piece.trim())
    .filter((piece) => piece !== '')
  const numbers: string[] = []
  for (const piece of pieces) {
    const words = piece.includes(' ') ? piece.split(' ') : null
    if (words && words.length > 1 && words.every((word) => digitCount(word) >= wholeNumberDigits)) {
      numbers.push(...words)
    } else numbers.push(piece)
  }
  if (numbers.length > 1 && numbers.some((n) => digitCount(n) < wholeNumberDigits)) return [tidyPhone(text)]
  return numbers.map((n) => tidyPhone(n))
}
