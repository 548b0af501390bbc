import dayjs from 'dayjs'

/** Timestamps are stored as local wall-clock text, as the office reads them. */
export function localNow(now: Date = new Date()): string {
  return dayjs(now).format('YYYY-MM-DD HH:mm:ss')
}

export function localToday(): string {
  return dayjs().format('YYYY-MM-DD')
}
