import { Alert, Descriptions, Typography } from 'antd'
import type { OfficeStatus } from '../../../shared/office'
import { FingerprintBlock } from './FingerprintBlock'

export const firewallAdvice =
  '第一次作为主机启动时，Windows 防火墙会询问是否允许客情管家在网络上通信：请勾选「专用网络」并点「允许访问」；' +
  '不要勾选公用网络。如果错点了拒绝：控制面板 → Windows Defender 防火墙 → 允许应用通过防火墙 → 勾选客情管家的「专用」。'

/** The Windows Defender firewall asks once, on the host's first start; a wrong answer blocks every other PC. */
export function FirewallHelp(): React.JSX.Element {
  return <Alert type="warning" showIcon title="Windows 防火墙提示" description={firewallAdvice} />
}

/** What the other PCs need to connect to this one: where to find it and the fingerprint to compare. */
export function HostDetails({ status }: { status: OfficeStatus }): React.JSX.Element {
  const { addresses, port, fingerprint, hostname } = status
  return (
    <>
      <Descriptions
        size="small"
        column={1}
        bordered
        styles={{ label: { width: 120 } }}
        items={[
          { key: 'name', label: '电脑名', children: hostname },
          {
            key: 'addresses',
            label: '地址',
            children:
              addresses.length > 0 ? (
                addresses.map((address) => (
                  <div key={address} className="kq-office-address">{`https://${address}:${port}`}</div>
                ))
              ) : (
                <Typography.Text type="warning">这台电脑没有连接局域网，其他电脑找不到它</Typography.Text>
              ),
          },
          { key: 'port', label: '端口', children: port },
          {
            key: 'fingerprint',
            label: '证书指纹',
            children: fingerprint ? (
              <FingerprintBlock fingerprint={fingerprint} />
            ) : (
              <Typography.Text type="secondary">第一次作为主机启动时生成，之后显示在这里</Typography.Text>
            ),
          },
        ]}
        style={{ marginBottom: 12 }}
      />
      <Typography.Paragraph type="secondary">
        其他电脑选择「连接到主机」时，会显示它们看到的证书指纹：请与上面的指纹逐行核对，一致才连接。
      </Typography.Paragraph>
      <FirewallHelp />
    </>
  )
}
