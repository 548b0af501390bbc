import { App, Button, Modal, Typography } from 'antd'
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

  /** 连接到主机: nothing to load here, the data is the host's; the choice is made in 办公室共享. */
  const toOffice = async (): Promise<void> => {
    setLoading(true)
    try {
      await call('app.setFirstRunDecided', {})
      setOpen(false)
      navigate('/settings/office')
    } catch (error) {
      message.error(errorMessage(error))
    } finally {
      setLoading(false)
    }
  }

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
      <Typography.Paragraph type="secondary">
        {'办公室几台电脑共用一套客户资料：保存资料的那台电脑照常开始，以后在「系统设置 → 办公室共享」中选「主机」；'}
        {'其他电脑点「连接到主机」。'}
      </Typography.Paragraph>
      <div style={{ display: 'flex', gap: 8 }}>
        <Button disabled={loading} onClick={() => void toOffice()}>
          连接到主机…
        </Button>
        <span style={{ flex: 1 }} />
        <Button loading={loading} onClick={() => void finish(true)}>
          载入演示数据
        </Button>
        {/* The default (Enter): an office starts its real customer file here, and 200 made-up customers in it
            would have to be found and deleted again; the demo is one deliberate click away. */}
        <Button type="primary" autoFocus disabled={loading} onClick={() => void finish(false)}>
          从空白开始
        </Button>
      </div>
    </Modal>
  )
}
