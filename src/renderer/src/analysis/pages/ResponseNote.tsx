import { App, Typography } from 'antd'
import { useState } from 'react'
import { call, errorMessage } from '../../api/client'

/** 应对措施 of a customer, edited in place; saved on Enter or leaving the field, emptied to remove. */
export function ResponseNote({ customerId, note }: { customerId: number; note: string | null }) {
  const { message } = App.useApp()
  const [text, setText] = useState(note ?? '')
  const save = async (value: string) => {
    const next = value.trim()
    if (next === text) return
    try {
      const saved = await call('analysis.setNote', { customerId, note: next })
      setText(saved.note ?? '')
      void message.success(saved.note ? '已保存应对措施' : '已清除应对措施')
    } catch (error) {
      void message.error(errorMessage(error))
    }
  }
  return (
    <Typography.Text
      className="kq-response-note"
      type={text ? undefined : 'secondary'}
      editable={{ onChange: (value) => void save(value), tooltip: '编辑应对措施', maxLength: 500, text }}
    >
      {text || '未填写'}
    </Typography.Text>
  )
}
