import { CheckCircleFilled } from '@ant-design/icons'
import { InputNumber, Space, Typography } from 'antd'
import { useEffect, useState } from 'react'

/**
 * 周期（天） of one 联系策略 / 购买策略 item: saved on Enter and on leaving the field,
 * and says 已保存 next to it, so a changed cycle is never left unsaved by surprise.
 */
export function CycleDaysInput(props: {
  days: number | null
  label: string
  onSave: (days: number) => Promise<boolean>
}): React.JSX.Element {
  const { days, label, onSave } = props
  const [value, setValue] = useState<number | null>(days)
  const [saved, setSaved] = useState(false)
  // A reload (or another user's change) shows the stored cycle.
  const [shownDays, setShownDays] = useState(days)
  if (days !== shownDays) {
    setShownDays(days)
    setValue(days)
  }
  useEffect(() => {
    if (!saved) return
    const timer = window.setTimeout(() => setSaved(false), 4000)
    return () => window.clearTimeout(timer)
  }, [saved])

  const save = async (): Promise<void> => {
    if (!value || value === days) return
    setSaved(await onSave(value))
  }
  return (
    <Space size={6}>
      <InputNumber
        size="small"
        min={1}
        max={3650}
        precision={0}
        value={value}
        aria-label={`${label} 周期天数`}
        onChange={(next) => {
          setValue(next)
          setSaved(false)
        }}
        onPressEnter={() => void save()}
        onBlur={() => void save()}
        style={{ width: 76 }}
      />
      {saved && (
        <Typography.Text type="success" role="status" style={{ whiteSpace: 'nowrap' }}>
          <CheckCircleFilled /> 已保存
        </Typography.Text>
      )}
    </Space>
  )
}
