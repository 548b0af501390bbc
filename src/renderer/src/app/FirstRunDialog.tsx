import { App, Button, Modal, Space, Typography } from 'antd'
import { useEffect, useState } from 'react'
import { navigate } from './navigate'
import { call, errorMessage } from '../api/client'

/** On an empty database, once: offer a small demo set to look around with, or an empty start. */
export function FirstRunDialog(): React.JSX.Element | null {
  const { message } = App.useApp()
  const [open, setOpen] = useState(false)
  const [loading, setLoading] = useState(false)

  useEffect(() => {
    call('app.firstRun', {})
      .then((state) => setOpen(state.isEmpty && !state.decided))
      .catch(() => setOpen(false))
  }, [])

  const finish = async (withDemo: boolean): Promise<void> => {
    setLoading(true)
    try {
      if (withDemo) {
        const { customers } = await call('demo.load', { customers: 200 })
        message.success(`已载入 ${customers} 个演示客户`)
      }
      await call('app.setFirstRunDecided', {})
      setOpen(false)
      navigate('/customers')
      window.dispatchEvent(new HashChangeEvent('hashchange'))
      if (withDemo) window.location.reload()
    } catch (error) {
      message.error(errorMessage(error))
    } finally {
      setLoading(false)
    }
  }

  if (!open) return null
  return (
    <Modal open title="欢迎使用客情管家" closable={false} maskClosable={false} footer={null} width={520}>
      <Typography.Paragraph>
        数据只保存在这台电脑上。您可以先载入一套演示数据（200
        个虚构的客户和联系人）熟悉功能，以后可在客户列表中全选删除；也可以直接从空白开始登记自己的客户。
      </Typography.Paragraph>
      <Space style={{ width: '100%', justifyContent: 'flex-end' }}>
        <Button disabled={loading} onClick={() => void finish(false)}>
          从空白开始
        </Button>
        <Button type="primary" loading={loading} onClick={() => void finish(true)}>
          载入演示数据
        </Button>
      </Space>
    </Modal>
  )
}
