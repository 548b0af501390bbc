/**
 * Thousands separators in a money InputNumber (60,000.00) while it is not being typed in. What the
 * user types stays as typed, so no comma jumps in under the cursor; the separators come back on
 * leaving the field. A pasted "60,000.00" or a 。 typed for the point reads as the number.
 * antd applies `precision` itself only without a formatter: the decimals are given here too.
 */
export function moneyInputProps(decimals: { min: number; max: number } = { min: 2, max: 2 }): {
  formatter: (value: number | string | undefined, info: { userTyping: boolean; input: string }) => string
  parser: (text: string | undefined) => string
} {
  const format = new Intl.NumberFormat('zh-CN', {
    minimumFractionDigits: decimals.min,
    maximumFractionDigits: decimals.max,
  })
  return {
    formatter: (value, info) => {
      if (info.userTyping) return info.input
      if (value === undefined || value === '') return ''
      const number = Number(value)
      return Number.isFinite(number) ? format.format(number) : String(value)
    },
    parser: (text) => (text ?? '').replace(/。/g, '.').replace(/[^\d.-]/g, ''),
  }
}

/** Two decimals: 金额, 回款金额, an instalment. */
export const moneyInput = moneyInputProps()

/** 单价 may have up to four decimals (the core's limit); at least two are shown. */
export const unitPriceInput = moneyInputProps({ min: 2, max: 4 })
