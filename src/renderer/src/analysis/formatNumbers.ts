/** How the analysis pages and charts print numbers (one place, so table and chart agree). */

export function formatAmount(value: number): string {
  return value.toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })
}

export function formatCount(value: number): string {
  return value.toLocaleString('zh-CN', { maximumFractionDigits: 0 })
}

/** A fraction as a percentage with one decimal: 0.1234 → 12.3%; null (no base) → —. */
export function formatPercent(value: number | null): string {
  return value === null ? '—' : `${(value * 100).toFixed(1)}%`
}

/** A change with its sign: +12.3%, −4.0%, — when there is no base to compare with. */
export function formatChange(value: number | null): string {
  if (value === null) return '—'
  const text = formatPercent(Math.abs(value))
  return value > 0 ? `+${text}` : value < 0 ? `−${text}` : text
}
