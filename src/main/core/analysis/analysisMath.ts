/** The small arithmetic the analyses do on rows already aggregated by SQL. */

/** part ÷ whole, 0 when the whole is 0 (an empty period has no shares). */
export function shareOf(part: number, whole: number): number {
  return whole === 0 ? 0 : part / whole
}

/** (now − before) ÷ before; null when there was nothing before, since a change from 0 has no ratio. */
export function changeOf(now: number, before: number): number | null {
  return before === 0 ? null : (now - before) / before
}

/** Money summed in floating point, back to cents; NULL (a SUM over no rows) is 0. */
export function cents(value: number | null): number {
  return Math.round((value ?? 0) * 100) / 100
}
