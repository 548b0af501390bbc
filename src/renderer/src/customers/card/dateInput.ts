import dayjs, { type Dayjs } from 'dayjs'

/** Form.Item props that let an antd DatePicker edit a 'YYYY-MM-DD' string, the API's date format. */
export const isoDateItemProps = {
  getValueProps: (value: unknown) => ({
    value: typeof value === 'string' && value ? dayjs(value, 'YYYY-MM-DD') : null,
  }),
  normalize: (value: Dayjs | null) => (value ? value.format('YYYY-MM-DD') : null),
}
