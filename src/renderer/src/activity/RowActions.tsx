import { DeleteOutlined, EditOutlined } from '@ant-design/icons'
import { Button, Popconfirm, Space, Tooltip } from 'antd'
import type { ReactNode } from 'react'

/**
 * The 操作 cell of the record tables (交易记录, 项目, 竞争对手, 意见): 修改, and
 * 删除 behind a confirmation. `what` names the record in the buttons' labels.
 */
export function RowActions({
  what,
  confirmTitle,
  confirmDescription,
  onEdit,
  onDelete,
}: {
  what: string
  confirmTitle: string
  confirmDescription?: ReactNode
  onEdit: () => void
  onDelete: () => void | Promise<void>
}) {
  return (
    <Space size={0}>
      <Tooltip title="修改">
        <Button size="small" type="text" icon={<EditOutlined />} aria-label={`修改${what}`} onClick={onEdit} />
      </Tooltip>
      <Popconfirm
        title={confirmTitle}
        description={confirmDescription}
        okText="删除"
        cancelText="取消"
        okButtonProps={{ danger: true }}
        onConfirm={onDelete}
      >
        <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={`删除${what}`} />
      </Popconfirm>
    </Space>
  )
}
