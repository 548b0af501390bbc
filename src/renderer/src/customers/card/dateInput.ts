import dayjs, { type Dayjs } from 'dayjs'

/**
 * One Dayjs per date: a form drawn again (a live change reloading the screen behind a dialog) hands
 * the picker the very value it had. A new but equal Dayjs made it take the stored date back over
 * the one being typed, so the date typed just before Enter was lost now and then.
 */
const days = new Map<string, Dayjs>()

function dayOf(value: string): Dayjs {
  const known = days.get(value)
  if (known) return known
  // Dates are few (those shown and typed); the bound only guards a very long session.
  if (days.size >= 2000) days.clear()
  const day = dayjs(value, 'YYYY-MM-DD')
  days.set(value, day)
  return day
}

/** Form.Item props that let an antd DatePicker edit a 'YYYY-MM-DD' string, the API's date format. */
export const isoDateItemProps = {
  getValueProps: (value: unknown) => ({
    value: typeof value === 'string' && value ? dayOf(value) : null,
  }),
  normalize: (value: Dayjs | null) => (value ? value.format('YYYY-MM-DD') : null),
}
