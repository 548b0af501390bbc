import dayjs from 'dayjs'

/** Today on this PC's calendar (`YYYY-MM-DD`), the date the analysis pages count to. */
export function localToday(): string {
  return dayjs().format('YYYY-MM-DD')
}
