import type { Cleaned, RawCell } from '../../../shared/importCleaning'

const dayMinutes = 24 * 60

/**
 * The time of day (`HH:mm`) a date cell carries, or null: a date cell or an Excel
 * serial with a fraction (45296.6042 = 14:30), or text with a time after the date
 * (2026-01-05 14:30, 2026年1月5日 9:05). cleanDate keeps only the date.
 */
export function cellTime(cell: RawCell, label: string): Cleaned<string> {
  if (cell instanceof Date) {
    // exceljs gives date cells as UTC: the clock Excel shows is the UTC one.
    const minutes = cell.getUTCHours() * 60 + cell.getUTCMinutes() + (cell.getUTCSeconds() >= 30 ? 1 : 0)
    return { ok: true, value: minutes === 0 ? null : clock(minutes) }
  }
  if (typeof cell === 'number' || (typeof cell === 'string' && /^\s*\d{5}\.\d+\s*$/.test(cell))) {
    const fraction = Number(cell) - Math.floor(Number(cell))
    const minutes = Math.round(fraction * dayMinutes)
    return { ok: true, value: minutes === 0 ? null : clock(minutes) }
  }
  if (typeof cell !== 'string') return { ok: true, value: null }
  const match = /\d\s*日?\s*[ T]\s*(\d{1,2})[:：](\d{2})(?:[:：]\d{2})?\s*$/.exec(cell)
  if (!match) return { ok: true, value: null }
  const [hours, minutes] = [Number(match[1]), Number(match[2])]
  if (hours < 24 && minutes < 60) return { ok: true, value: clock(hours * 60 + minutes) }
  return { ok: false, error: `${label}「${cell.trim()}」中的时间不存在，请写成 14:30 这样的 24 小时制` }
}

function clock(minutes: number): string {
  const m = Math.min(minutes, dayMinutes - 1)
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`
}
