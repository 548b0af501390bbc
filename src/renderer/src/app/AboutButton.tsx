import { InfoCircleOutlined } from '@ant-design/icons'
import { Alert, Button, Descriptions, Modal, Spin, Typography } from 'antd'
import { useState } from 'react'
import { useQuery } from '../api/useQuery'

/** 关于客情管家 at the foot of the sidebar: the version and where this office's data is kept. */
export function AboutButton(): React.JSX.Element {
  const [open, setOpen] = useState(false)
  return (
    <>
      <Button
        type="text"
        icon={<InfoCircleOutlined />}
        onClick={() => setOpen(true)}
        style={{ color: 'rgba(255,255,255,0.65)', position: 'absolute', bottom: 12, left: 12, right: 12 }}
      >
        关于客情管家
      </Button>
      <Modal
        open={open}
        title="关于客情管家"
        onCancel={() => setOpen(false)}
        footer={
          <Button type="primary" onClick={() => setOpen(false)}>
            关闭
          </Button>
        }
        width={560}
        destroyOnHidden
      >
        <AboutContent />
      </Modal>
    </>
  )
}

function AboutContent(): React.JSX.Element {
  const info = useQuery('app.info', {})
  if (info.error) {
    return (
      <Alert
        type="error"
        showIcon
        title="读取程序信息失败"
        description={info.error}
        action={
          <Button size="small" onClick={() => void info.reload()}>
            重试
          </Button>
        }
      />
    )
  }
  if (!info.data) return <Spin style={{ display: 'block', margin: '24px auto' }} />
  const { name, version, dataDir, databasePath, schemaVersion } = info.data
  return (
    <>
      <div style={{ display: 'flex', alignItems: 'center', gap: 12, margin: '8px 0 16px' }}>
        <img src="./app-icon.png" alt="" width={40} height={40} style={{ borderRadius: 8 }} />
        <div>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {name}
          </Typography.Title>
          <Typography.Text type="secondary">小型办公室的离线客户关系管理</Typography.Text>
        </div>
      </div>
      <Descriptions column={1} bordered size="small" styles={{ label: { width: 120, whiteSpace: 'nowrap' } }}>
        <Descriptions.Item label="版本">{version}</Descriptions.Item>
        <Descriptions.Item label="数据文件夹">
          <Typography.Text copyable={{ text: dataDir, tooltips: ['复制路径', '已复制'] }}>{dataDir}</Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label="数据库文件">
          <Typography.Text copyable={{ text: databasePath, tooltips: ['复制路径', '已复制'] }}>
            {databasePath}
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label="数据结构版本">{schemaVersion}</Descriptions.Item>
      </Descriptions>
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
        所有数据只保存在这台电脑的数据文件夹中。卸载或升级程序都不会删除它；备份与恢复在“数据 → 备份与恢复”。
      </Typography.Paragraph>
    </>
  )
}
