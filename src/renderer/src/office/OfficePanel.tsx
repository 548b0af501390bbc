import { Alert, App, Button, Card, Descriptions, InputNumber, Radio, Space, Tag, Typography } from 'antd'
import { useState } from 'react'
import { defaultHostPort, officeModeLabels, type OfficeMode, type OfficeStatus } from '../../../shared/office'
import type { OfficeConnection } from '../../../shared/office'
import { useCan } from '../accounts/session'
import { call, errorMessage } from '../api/client'
import { Loaded } from '../api/LoadFailed'
import { useQuery } from '../api/useQuery'
import { navigate } from '../app/navigate'
import { ConnectToHost } from './ConnectToHost'
import { HostDetails } from './HostDetails'
import { officeModeChoices } from './officeModeTexts'
import { RestartNotice } from './RestartNotice'
import { useOfficeConnection } from './useOfficeConnection'
import './office.css'

/**
 * Whether the saved mode differs from how this PC runs now: the shell acts on
 * office.json only at start, so this holds across reloads of the page.
 */
function waitsForRestart(status: OfficeStatus, connection: OfficeConnection | null): boolean {
  const remote = connection !== null && connection.state !== 'local'
  if (status.mode === 'host') return !status.hosting && status.problem === null
  if (status.mode === 'client') return connection !== null && !remote
  return status.hosting || remote
}

/** 系统设置 → 办公室共享: 单机, 主机 or 连接到主机, and what each needs. */
export function OfficePanel(): React.JSX.Element {
  const query = useQuery('office.status', {})
  const status = query.data
  if (!status) return <Loaded query={query} what="办公室共享" />
  return <OfficeSettings status={status} onSaved={() => void query.reload()} />
}

function OfficeSettings({ status, onSaved }: { status: OfficeStatus; onSaved: () => void }): React.JSX.Element {
  const { message } = App.useApp()
  const canEdit = useCan('settings')
  const connection = useOfficeConnection()
  const [choice, setChoice] = useState<OfficeMode>(status.mode)
  const [port, setPort] = useState<number | null>(status.port)
  const [saving, setSaving] = useState(false)
  const [failure, setFailure] = useState<string | null>(null)

  const saved = (next: OfficeStatus): void => {
    message.success(`已保存：${officeModeLabels[next.mode]}`)
    onSaved()
  }

  const setMode = async (input: { mode: 'single' } | { mode: 'host'; port?: number }): Promise<void> => {
    setSaving(true)
    setFailure(null)
    try {
      saved(await call('office.setMode', input))
    } catch (error) {
      setFailure(errorMessage(error))
    } finally {
      setSaving(false)
    }
  }

  const current = officeModeChoices.find((c) => c.mode === status.mode)
  const pending = waitsForRestart(status, connection)

  if (!canEdit) {
    return (
      <div style={{ maxWidth: 860 }}>
        <Descriptions
          size="small"
          column={1}
          bordered
          items={[
            { key: 'mode', label: '这台电脑', children: current?.title },
            { key: 'meaning', label: '说明', children: current?.meaning },
          ]}
          style={{ marginBottom: 12 }}
        />
        <Typography.Paragraph type="secondary">只有管理员能更改办公室共享的设置。</Typography.Paragraph>
        {status.mode === 'host' && <HostDetails status={status} />}
      </div>
    )
  }

  return (
    <div style={{ maxWidth: 860 }}>
      {status.problem && <Alert type="error" showIcon title={status.problem} style={{ marginBottom: 16 }} />}
      {pending && <RestartNotice what={`已改为「${officeModeLabels[status.mode]}」`} />}
      <Radio.Group
        className="kq-office-modes"
        value={choice}
        onChange={(event) => {
          setChoice(event.target.value as OfficeMode)
          setFailure(null)
        }}
        style={{ display: 'flex', flexDirection: 'column', gap: 8, marginBottom: 16 }}
      >
        {officeModeChoices.map((c) => (
          <Radio key={c.mode} value={c.mode} aria-label={c.title}>
            <span className="kq-office-mode-title">{c.title}</span>
            {c.mode === status.mode && (
              <Tag color="blue" style={{ marginLeft: 8 }}>
                当前
              </Tag>
            )}
            <Typography.Paragraph type="secondary" style={{ margin: '2px 0 0' }}>
              {c.meaning}
            </Typography.Paragraph>
          </Radio>
        ))}
      </Radio.Group>
      {failure && <Alert type="error" showIcon role="alert" title={failure} style={{ marginBottom: 16 }} />}

      {choice === 'single' && status.mode !== 'single' && (
        <Button type="primary" loading={saving} onClick={() => void setMode({ mode: 'single' })}>
          改为单机
        </Button>
      )}

      {choice === 'host' &&
        (status.mode === 'host' ? (
          <HostDetails status={status} />
        ) : status.mode === 'client' ? (
          <Alert type="warning" showIcon title="这台电脑正连接到主机：请先改回单机并重新启动，再设为主机" />
        ) : !status.accountsEnabled ? (
          <Alert
            type="warning"
            showIcon
            role="alert"
            title="作为主机需要先开启多用户"
            description="其他电脑上的同事要用各自的账号登录主机：请先在「用户与权限」中开启多用户，并为每位同事建好账号。"
            action={
              <Button type="primary" onClick={() => navigate('/settings/users')}>
                去开启多用户
              </Button>
            }
          />
        ) : (
          <Card size="small" title="设为主机">
            <Space align="center" wrap>
              <span>端口</span>
              <InputNumber
                aria-label="端口"
                min={1024}
                max={65535}
                precision={0}
                controls={false}
                value={port}
                onChange={(value) => setPort(value)}
                style={{ width: 100 }}
              />
              <Typography.Text type="secondary">一般不用改（默认 {defaultHostPort}）</Typography.Text>
              <Button
                type="primary"
                loading={saving}
                onClick={() => void setMode({ mode: 'host', ...(port === null ? {} : { port }) })}
              >
                设为主机
              </Button>
            </Space>
            <Typography.Paragraph type="secondary" style={{ margin: '12px 0 0' }}>
              这台电脑现有的客户资料全部保留，成为全办公室共用的资料。重新启动后，这里会显示其他电脑连接时要用的地址和证书指纹。
            </Typography.Paragraph>
          </Card>
        ))}

      {choice === 'client' && (
        <>
          {status.mode === 'client' && status.client && (
            <Descriptions
              size="small"
              column={1}
              bordered
              items={[
                {
                  key: 'host',
                  label: '现在连接的主机',
                  children: (
                    <>
                      {status.client.hostname ?? status.client.address}{' '}
                      <span className="kq-office-address">{`(${status.client.address}:${status.client.port})`}</span>
                    </>
                  ),
                },
              ]}
              style={{ marginBottom: 16 }}
            />
          )}
          <ConnectToHost status={status} onConnected={saved} />
        </>
      )}
    </div>
  )
}
