/**
 * Whole-day arithmetic on `YYYY-MM-DD` strings (the form the database keeps),
 * in UTC so no time zone or daylight-saving shift can move a day.
 */

const dayMs = 86_400_000

function toDay(date: string): number {
  return Math.round(Date.parse(`${date}T00:00:00Z`) / dayMs)
}

export function addDays(date: string, days: number): string {
  return new Date((toDay(date) + days) * dayMs).toISOString().slice(0, 10)
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return toDay(to) - toDay(from)
}
