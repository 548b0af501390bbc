import { Alert, Descriptions, Modal, Tag, Typography } from 'antd'
import { officeModeLabels, type OfficeConnection, type OfficeStatus } from '../../../shared/office'
import { roleLabels } from '../../../shared/accounts'
import { useSession } from '../accounts/session'
import { Loaded } from '../api/LoadFailed'
import { useQuery } from '../api/useQuery'
import { FingerprintBlock } from './FingerprintBlock'
import './office.css'

/** How this PC runs now (office.json may already name another mode, taken at the next start). */
export function runningMode(status: OfficeStatus, connection: OfficeConnection | null): 'single' | 'host' | 'client' {
  if (connection && connection.state !== 'local') return 'client'
  return status.hosting ? 'host' : 'single'
}

const connectionStateTexts: Record<OfficeConnection['state'], string> = {
  local: '',
  connecting: '正在连接',
  connected: '已连接',
  reconnecting: '连接中断，正在重新连接',
  certificateChanged: '主机证书已变，已停止连接',
}

/**
 * 连接信息, for every signed-in user from the header: how this PC shares its data,
 * where the host is and the certificate fingerprint to compare, and who is signed in.
 * Read-only: changing any of it is the 管理员's, in 系统设置 → 办公室共享.
 */
export function ConnectionInfoDialog(props: {
  connection: OfficeConnection | null
  onClose: () => void
}): React.JSX.Element {
  const { connection, onClose } = props
  const query = useQuery('office.status', {})
  const { enabled, user } = useSession()
  const status = query.data

  const account =
    enabled && user ? (
      <>
        {user.name}（登录名 {user.login}）
        <Tag
          style={{ marginLeft: 8 }}
          color={user.role === 'admin' ? 'red' : user.role === 'manager' ? 'blue' : 'default'}
        >
          {roleLabels[user.role]}
        </Tag>
      </>
    ) : (
      '未开启多用户：这台电脑不需要登录'
    )

  return (
    <Modal open title="连接信息" footer={null} width={620} onCancel={onClose}>
      {status ? (
        <>
          <Descriptions
            size="small"
            column={1}
            bordered
            styles={{ label: { width: 120 } }}
            items={[...placeItems(status, connection), { key: 'user', label: '当前用户', children: account }]}
            style={{ marginBottom: 12 }}
          />
          {connection?.message && (
            <Alert type="warning" showIcon title={connection.message} style={{ marginBottom: 12 }} />
          )}
          {status.mode !== runningMode(status, connection) && (
            <Alert
              type="info"
              showIcon
              title={`共享方式已改为「${officeModeLabels[status.mode]}」，重新启动客情管家后生效`}
              style={{ marginBottom: 12 }}
            />
          )}
          <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
            这些设置由管理员在「系统设置 → 办公室共享」中更改。
          </Typography.Paragraph>
        </>
      ) : (
        <Loaded query={query} what="连接信息" />
      )}
    </Modal>
  )
}

/** The rows that say where the data is: this PC alone, this PC serving the office, or the host it works on. */
function placeItems(status: OfficeStatus, connection: OfficeConnection | null) {
  const mode = runningMode(status, connection)
  if (mode === 'client' && connection) {
    const pinned = status.client?.fingerprint ?? null
    return [
      { key: 'mode', label: '共享方式', children: `已连接到 ${connection.hostName ?? connection.address ?? ''}` },
      { key: 'state', label: '连接状态', children: connectionStateTexts[connection.state] },
      { key: 'address', label: '主机地址', children: address(connection.address, connection.port) },
      { key: 'port', label: '端口', children: connection.port ?? '—' },
      {
        key: 'fingerprint',
        label: '已核对的证书指纹',
        children: pinned ? <FingerprintBlock fingerprint={pinned} /> : '—',
      },
      { key: 'pc', label: '这台电脑', children: status.hostname },
    ]
  }
  if (mode === 'host') {
    return [
      { key: 'mode', label: '共享方式', children: '主机：这台电脑保存全办公室的客户资料' },
      { key: 'pc', label: '电脑名', children: status.hostname },
      {
        key: 'address',
        label: '主机地址',
        children:
          status.addresses.length > 0
            ? status.addresses.map((one) => (
                <div key={one} className="kq-office-address">
                  {address(one, status.port)}
                </div>
              ))
            : '这台电脑没有连接局域网',
      },
      { key: 'port', label: '端口', children: status.port },
      {
        key: 'fingerprint',
        label: '证书指纹',
        children: status.fingerprint ? <FingerprintBlock fingerprint={status.fingerprint} /> : '—',
      },
    ]
  }
  return [
    { key: 'mode', label: '共享方式', children: '单机：客户资料只保存在这台电脑上' },
    { key: 'pc', label: '电脑名', children: status.hostname },
  ]
}

function address(host: string | null, port: number | null): string {
  if (!host) return '—'
  return port ? `https://${host}:${port}` : host
}
