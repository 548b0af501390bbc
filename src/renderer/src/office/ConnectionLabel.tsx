import { CloudServerOutlined } from '@ant-design/icons'
import { Tag } from 'antd'
import { useOfficeConnection } from './useOfficeConnection'
import './office.css'

/** In the header of a client PC: whose data this window shows. Nothing on a 单机 or 主机 PC. */
export function ConnectionLabel(): React.JSX.Element | null {
  const connection = useOfficeConnection()
  if (!connection || connection.state === 'local') return null
  const name = connection.hostName ?? connection.address ?? ''
  if (connection.state === 'connected') {
    return (
      <Tag className="kq-connection-label" color="green" icon={<CloudServerOutlined />}>
        已连接到 {name}
      </Tag>
    )
  }
  if (connection.state === 'connecting') {
    return (
      <Tag className="kq-connection-label" color="processing" icon={<CloudServerOutlined />}>
        正在连接 {name}…
      </Tag>
    )
  }
  return (
    <Tag className="kq-connection-label" color={connection.state === 'certificateChanged' ? 'red' : 'gold'}>
      未连接到 {name}
    </Tag>
  )
}
