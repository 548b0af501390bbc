import { Alert, Button, Descriptions, Modal, Space, Typography } from 'antd'
import { useState } from 'react'
import type { OfficeProbe, OfficeStatus } from '../../../shared/office'
import { call, errorMessage } from '../api/client'
import { FingerprintBlock } from './FingerprintBlock'

export interface ProbedHost {
  host: string
  port: number
  seen: OfficeProbe
}

/**
 * Before a fingerprint is pinned: the user compares what this host presents with
 * what the host's own screen shows. Only that comparison tells the office's host
 * from another PC answering at the same address.
 */
export function FingerprintCheck({
  probed,
  changed = false,
  onConnected,
  onCancel,
}: {
  probed: ProbedHost
  /** Accepting a host's new certificate rather than a first connection. */
  changed?: boolean
  onConnected: (status: OfficeStatus) => void
  onCancel: () => void
}): React.JSX.Element {
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<string | null>(null)
  const { host, port, seen } = probed
  const confirmText = changed ? '确认一致，接受新证书' : '确认一致，连接'

  const connect = async (): Promise<void> => {
    setBusy(true)
    setFailure(null)
    try {
      onConnected(await call('office.connect', { host, port, fingerprint: seen.fingerprint }))
    } catch (error) {
      setFailure(errorMessage(error))
    } finally {
      setBusy(false)
    }
  }

  return (
    <Modal
      open
      title={changed ? '核对主机的新证书' : '核对主机的证书指纹'}
      width={620}
      onCancel={onCancel}
      maskClosable={false}
      footer={
        <Space>
          <Button onClick={onCancel}>取消</Button>
          <Button
            type="primary"
            danger={changed}
            loading={busy}
            disabled={!seen.accountsEnabled}
            onClick={() => void connect()}
          >
            {confirmText}
          </Button>
        </Space>
      }
    >
      {changed && (
        <Alert
          type="error"
          showIcon
          title="只有确知主机换了证书（如主机重装了客情管家、换了数据文件夹）时才接受"
          description="否则可能是另一台电脑在冒充主机：请点「取消」，不要登录，并告诉管理员。"
          style={{ marginBottom: 12 }}
        />
      )}
      <Descriptions
        size="small"
        column={1}
        bordered
        items={[
          { key: 'name', label: '主机名', children: seen.hostname },
          { key: 'address', label: '地址', children: <span className="kq-office-address">{`${host}:${port}`}</span> },
        ]}
        style={{ marginBottom: 12 }}
      />
      <Typography.Paragraph>
        请到主机电脑上打开「系统设置 → 办公室共享」，逐行核对下面的证书指纹与主机屏幕上显示的是否完全一致。
      </Typography.Paragraph>
      <FingerprintBlock fingerprint={seen.fingerprint} />
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
        {`一致才点「${confirmText}」：这台电脑会记住这个指纹，以后只与出示它的主机通信。`}
        {'不一致说明连到的不是办公室的主机，请点「取消」。'}
      </Typography.Paragraph>
      {!seen.accountsEnabled && (
        <Alert
          type="warning"
          showIcon
          title={`主机 ${seen.hostname} 还没有开启多用户`}
          description="请先在主机的「系统设置 → 用户与权限」中开启多用户，并为每位同事建好账号，再来连接。"
          style={{ marginTop: 12 }}
        />
      )}
      {failure && <Alert type="error" showIcon role="alert" title={failure} style={{ marginTop: 12 }} />}
    </Modal>
  )
}
