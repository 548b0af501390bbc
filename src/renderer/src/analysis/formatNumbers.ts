/** How the analysis pages and charts print numbers (one place, so table and chart agree). */

// Made once: toLocaleString builds a new formatter on every call, which is most of the cost of
// printing a table's hundreds of cells (the same text: toLocaleString is defined through these).
const amountFormat = new Intl.NumberFormat('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })
const countFormat = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 0 })

export function formatAmount(value: number): string {
  return amountFormat.format(value)
}

export function formatCount(value: number): string {
  return countFormat.format(value)
}

/**
 * A fraction as a percentage with one decimal, halves rounded away from zero: 0.1234 → 12.3%,
 * 0.0015 → 0.2% (toFixed alone says 0.1%); null (no base) → —. Every table, chart label and tooltip of
 * 统计分析 prints shares through this one function, so a chart and the table beside it agree.
 */
export function formatPercent(value: number | null): string {
  if (value === null || !Number.isFinite(value)) return '—'
  // 0.0015 * 1000 is 1.4999999999999998 in binary: strip that noise before rounding, as a person would round 1.5.
  const tenths = Math.round(Number((Math.abs(value) * 1000).toPrecision(12)))
  return `${value < 0 && tenths > 0 ? '-' : ''}${(tenths / 10).toFixed(1)}%`
}

/** A change with its sign: +12.3%, −4.0%, — when there is no base to compare with. */
export function formatChange(value: number | null): string {
  if (value === null) return '—'
  const text = formatPercent(Math.abs(value))
  return value > 0 ? `+${text}` : value < 0 ? `−${text}` : text
}
