import { ReloadOutlined } from '@ant-design/icons'
import { Alert, Button, Space, Typography } from 'antd'
import './staleNotice.css'

/** A field the user had changed whose value differs from the reloaded record: theirs, shown to put back. */
export interface KeptEdit {
  key: string
  label: string
  text: string
}

/**
 * Above a record form whose save was refused because someone saved the record first:
 * the refusal with 重新载入, then (once reloaded) the user's own changes that differ
 * from the latest values, each with 用我的 to put it back before saving again.
 */
export function StaleNotice(props: {
  /** The refusal (该交往记录已被 张三 于 10:32 修改…); null once reloaded. */
  refusal: string | null
  reloading: boolean
  /** Absent for a form that cannot reload. */
  onReload?: () => void
  kept: KeptEdit[]
  onUse: (keys: string[]) => void
  onDismiss: () => void
}): React.JSX.Element | null {
  const { refusal, reloading, onReload, kept, onUse, onDismiss } = props
  if (refusal) {
    return (
      <Alert
        type="warning"
        showIcon
        title={refusal}
        description={
          onReload
            ? '您填写的内容还在，未保存。点「重新载入」取回最新内容，您改过的项目会列出来，可以逐项放回后再保存。'
            : '您填写的内容还在，未保存。请记下要保留的改动，取消后重新打开这条记录，再改一次。'
        }
        action={
          onReload && (
            <Button size="small" type="primary" icon={<ReloadOutlined />} loading={reloading} onClick={onReload}>
              重新载入
            </Button>
          )
        }
        style={{ marginBottom: 12 }}
      />
    )
  }
  if (kept.length === 0) return null
  return (
    <Alert
      type="info"
      showIcon
      closable={{ 'aria-label': '不再显示', onClose: onDismiss }}
      title="已载入最新内容。下面是您改过、与最新内容不同的项目，需要的请点「用我的」放回，再保存："
      description={
        <div className="kq-kept-edits" aria-label="您的改动">
          {kept.map((edit) => (
            <div key={edit.key} className="kq-kept-edit">
              <Typography.Text strong>{edit.label}</Typography.Text>
              <Typography.Text className="kq-kept-edit-value" title={edit.text}>
                您填写的：{edit.text}
              </Typography.Text>
              <Button size="small" aria-label={`${edit.label}用我的`} onClick={() => onUse([edit.key])}>
                用我的
              </Button>
            </div>
          ))}
          {kept.length > 1 && (
            <Space style={{ marginTop: 4 }}>
              <Button
                size="small"
                type="link"
                style={{ paddingInline: 0 }}
                onClick={() => onUse(kept.map((edit) => edit.key))}
              >
                全部用我的
              </Button>
            </Space>
          )}
        </div>
      }
      style={{ marginBottom: 12 }}
    />
  )
}
