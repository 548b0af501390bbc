import { DesktopOutlined, ReloadOutlined } from '@ant-design/icons'
import { Alert, Button, Card, Empty, Form, Input, InputNumber, List, Space, Typography } from 'antd'
import { useState } from 'react'
import { defaultHostPort, officeProbeInput, type FoundHost, type OfficeStatus } from '../../../shared/office'
import { call, errorMessage } from '../api/client'
import { useQuery } from '../api/useQuery'
import { schemaRule } from '../app/schemaRule'
import { FingerprintCheck, type ProbedHost } from './FingerprintCheck'

interface AddressValues {
  host?: string
  port?: number | null
}

// The core's own schema, so the form says exactly what office.probe would.
const hostRules = [schemaRule(officeProbeInput.shape.host, undefined)]
const portRules = [schemaRule(officeProbeInput.shape.port, undefined)]

/**
 * 连接到主机: pick a host found on the LAN or type its address; office.probe shows
 * what answers there, the user compares its fingerprint with the host's screen,
 * and only then office.connect pins it.
 */
export function ConnectToHost({
  status,
  onConnected,
}: {
  status: OfficeStatus
  onConnected: (status: OfficeStatus) => void
}): React.JSX.Element {
  const [form] = Form.useForm<AddressValues>()
  // A few seconds of listening: hosts announce themselves now and then, not on request.
  const discovery = useQuery('office.discover', { seconds: 3 })
  const [probing, setProbing] = useState<string | null>(null)
  const [probeError, setProbeError] = useState<string | null>(null)
  const [probed, setProbed] = useState<ProbedHost | null>(null)

  /** `key`: which 连接 button spins, a found host's or the typed address's. */
  const probe = async (host: string, port: number, key: string): Promise<void> => {
    setProbing(key)
    setProbeError(null)
    try {
      setProbed({ host, port, seen: await call('office.probe', { host, port }) })
    } catch (error) {
      setProbeError(errorMessage(error))
    } finally {
      setProbing((current) => (current === key ? null : current))
    }
  }

  const typed = (values: AddressValues): void => {
    void probe((values.host ?? '').trim(), values.port ?? defaultHostPort, 'typed')
  }

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card
        size="small"
        title="在局域网中找到的主机"
        extra={
          <Button icon={<ReloadOutlined />} loading={discovery.loading} onClick={() => void discovery.reload()}>
            刷新
          </Button>
        }
      >
        {discovery.error !== undefined ? (
          <Alert type="warning" showIcon title={discovery.error} />
        ) : (
          <List<FoundHost>
            loading={discovery.loading}
            dataSource={discovery.data ?? []}
            locale={{
              emptyText: (
                <Empty
                  image={Empty.PRESENTED_IMAGE_SIMPLE}
                  description="没有找到主机：请确认主机已打开客情管家并选择了「主机」，或直接输入地址"
                />
              ),
            }}
            renderItem={(host) => (
              <List.Item
                actions={[
                  <Button
                    key="connect"
                    type="primary"
                    loading={probing === `${host.host}:${host.port}`}
                    onClick={() => void probe(host.host, host.port, `${host.host}:${host.port}`)}
                  >
                    连接
                  </Button>,
                ]}
              >
                <List.Item.Meta
                  avatar={<DesktopOutlined style={{ fontSize: 20, marginTop: 4 }} />}
                  title={host.name}
                  description={<span className="kq-office-address">{`${host.host}:${host.port}`}</span>}
                />
              </List.Item>
            )}
          />
        )}
      </Card>
      <Card size="small" title="或输入主机地址">
        <Typography.Paragraph type="secondary">
          地址和端口显示在主机电脑的「系统设置 → 办公室共享」中，也可以填主机的电脑名。
        </Typography.Paragraph>
        <Form<AddressValues>
          form={form}
          layout="inline"
          requiredMark={false}
          initialValues={{ host: status.client?.address ?? '', port: status.client?.port ?? defaultHostPort }}
          onFinish={typed}
        >
          <Form.Item label="主机地址" name="host" rules={hostRules} validateTrigger="onSubmit">
            <Input aria-label="主机地址" placeholder="如 192.168.1.20" style={{ width: 240 }} autoComplete="off" />
          </Form.Item>
          <Form.Item label="端口" name="port" rules={portRules} validateTrigger="onSubmit">
            <InputNumber aria-label="端口" controls={false} style={{ width: 100 }} />
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit" loading={probing === 'typed'}>
              连接
            </Button>
          </Form.Item>
        </Form>
        {probeError && <Alert type="error" showIcon role="alert" title={probeError} style={{ marginTop: 12 }} />}
      </Card>
      {probed && (
        <FingerprintCheck
          probed={probed}
          onCancel={() => setProbed(null)}
          onConnected={(next) => {
            setProbed(null)
            onConnected(next)
          }}
        />
      )}
    </Space>
  )
}
