import { EditOutlined } from '@ant-design/icons'
import { Button, Input, Typography } from 'antd'
import { useState } from 'react'

/** Text that turns into an input on click; Enter or leaving the field saves, Esc cancels. */
export function EditableText({
  value,
  onSave,
  ariaLabel,
  placeholder,
  allowEmpty = false,
}: {
  value: string
  onSave: (next: string) => Promise<boolean>
  ariaLabel: string
  placeholder?: string
  allowEmpty?: boolean
}): React.JSX.Element {
  const [draft, setDraft] = useState<string | null>(null)
  if (draft === null) {
    return (
      <span style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}>
        <Typography.Text type={value ? undefined : 'secondary'}>{value || placeholder}</Typography.Text>
        <Button
          size="small"
          type="text"
          icon={<EditOutlined />}
          aria-label={ariaLabel}
          onClick={() => setDraft(value)}
        />
      </span>
    )
  }
  const commit = async (): Promise<void> => {
    const next = draft.trim()
    if (next === value || (!next && !allowEmpty)) return setDraft(null)
    if (await onSave(next)) setDraft(null)
  }
  return (
    <Input
      size="small"
      autoFocus
      aria-label={ariaLabel}
      value={draft}
      style={{ maxWidth: 240 }}
      onChange={(e) => setDraft(e.target.value)}
      onPressEnter={() => void commit()}
      onBlur={() => void commit()}
      onKeyDown={(e) => e.key === 'Escape' && setDraft(null)}
    />
  )
}
