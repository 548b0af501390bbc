import type { FormProps } from 'antd'

/** The grid of the card, shared by the editable and the read-only card so their labels line up the same way. */
export const cardFormProps = {
  layout: 'horizontal',
  labelCol: { flex: '104px' },
  // No wrapperCol: antd's own `flex: 1 1 0` lets a cell's input shrink instead of wrapping under its label.
  labelWrap: true,
  labelAlign: 'right',
} satisfies FormProps
