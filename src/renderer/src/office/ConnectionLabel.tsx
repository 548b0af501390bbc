import { CloudServerOutlined, DesktopOutlined } from '@ant-design/icons'
import { Tag } from 'antd'
import { useState } from 'react'
import { useQuery } from '../api/useQuery'
import { ConnectionInfoDialog } from './ConnectionInfoDialog'
import { useOfficeConnection } from './useOfficeConnection'
import './office.css'

/**
 * In the header: whose data this window shows (单机, 主机, 已连接到 <主机名>). A click
 * opens 连接信息 for every user, since only a 管理员 reaches 系统设置 → 办公室共享.
 */
export function ConnectionLabel(): React.JSX.Element | null {
  const connection = useOfficeConnection()
  // A 单机 or 主机 PC: office.status tells which (its connection is 'local' either way).
  const status = useQuery('office.status', {})
  const [open, setOpen] = useState(false)
  if (!connection) return null
  const tag = labelOf(connection, status.data?.hosting)
  if (!tag) return null
  return (
    <>
      <Tag
        className="kq-connection-label"
        color={tag.color}
        icon={tag.icon}
        role="button"
        tabIndex={0}
        aria-label={`连接信息：${tag.text}`}
        title="查看连接信息"
        style={{ cursor: 'pointer' }}
        onClick={() => setOpen(true)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' || event.key === ' ') {
            event.preventDefault()
            setOpen(true)
          }
        }}
      >
        {tag.text}
      </Tag>
      {open && <ConnectionInfoDialog connection={connection} onClose={() => setOpen(false)} />}
    </>
  )
}

function labelOf(
  connection: NonNullable<ReturnType<typeof useOfficeConnection>>,
  hosting: boolean | undefined,
): { text: string; color?: string; icon: React.ReactNode } | null {
  const name = connection.hostName ?? connection.address ?? ''
  switch (connection.state) {
    case 'local':
      if (hosting === undefined) return null
      return hosting
        ? { text: '主机', color: 'blue', icon: <CloudServerOutlined /> }
        : { text: '单机', icon: <DesktopOutlined /> }
    case 'connected':
      return { text: `已连接到 ${name}`, color: 'green', icon: <CloudServerOutlined /> }
    case 'connecting':
      return { text: `正在连接 ${name}…`, color: 'processing', icon: <CloudServerOutlined /> }
    default:
      return {
        text: `未连接到 ${name}`,
        color: connection.state === 'certificateChanged' ? 'red' : 'gold',
        icon: <CloudServerOutlined />,
      }
  }
}
