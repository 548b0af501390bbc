import { App, Form, Input, Modal } from 'antd'
import { useState } from 'react'
import { call, errorMessage } from '../api/client'
import { NewPasswordFields } from './NewPasswordFields'

interface Values {
  oldPassword: string
  newPassword: string
  repeat: string
}

/** 修改密码: one's own, knowing the old one (a 管理员 resets another's in 用户与权限). */
export function ChangePasswordDialog({ onClose }: { onClose: () => void }): React.JSX.Element {
  const { message } = App.useApp()
  const [form] = Form.useForm<Values>()
  const [busy, setBusy] = useState(false)

  const save = async (): Promise<void> => {
    const values = await form.validateFields()
    setBusy(true)
    try {
      await call('auth.changePassword', { oldPassword: values.oldPassword, newPassword: values.newPassword })
      message.success('密码已修改')
      onClose()
    } catch (error) {
      message.error(errorMessage(error))
    } finally {
      setBusy(false)
    }
  }

  return (
    <Modal
      open
      title="修改密码"
      okText="保存"
      cancelText="取消"
      confirmLoading={busy}
      onOk={() => void save().catch(() => undefined)}
      onCancel={onClose}
      destroyOnHidden
      width={420}
    >
      <Form form={form} layout="horizontal" labelCol={{ span: 6 }} requiredMark={false} style={{ marginTop: 16 }}>
        <Form.Item label="原密码" name="oldPassword" rules={[{ required: true, message: '请填写原密码' }]}>
          <Input.Password autoComplete="current-password" aria-label="原密码" />
        </Form.Item>
        <NewPasswordFields name="newPassword" label="新密码" />
      </Form>
    </Modal>
  )
}
