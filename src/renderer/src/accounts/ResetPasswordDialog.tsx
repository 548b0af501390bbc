import { App, Form, Modal, Typography } from 'antd'
import { useState } from 'react'
import type { User } from '../../../shared/accounts'
import { call, errorMessage } from '../api/client'
import { NewPasswordFields } from './NewPasswordFields'

/** 重设密码 of another user (a 管理员's): for one who forgot theirs; it also lifts a lockout. */
export function ResetPasswordDialog({ user, onClose }: { user: User; onClose: () => void }): React.JSX.Element {
  const { message } = App.useApp()
  const [form] = Form.useForm<{ password: string; repeat: string }>()
  const [busy, setBusy] = useState(false)

  const save = async (): Promise<void> => {
    const { password } = await form.validateFields()
    setBusy(true)
    try {
      await call('users.resetPassword', { id: user.id, password })
      message.success(`已重设「${user.name}」的密码`)
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
      title={`重设密码：${user.name}（${user.login}）`}
      okText="重设"
      cancelText="取消"
      confirmLoading={busy}
      onOk={() => void save().catch(() => undefined)}
      onCancel={onClose}
      destroyOnHidden
      width={440}
    >
      <Typography.Paragraph type="secondary">
        把新密码告诉本人，请其登录后在右上角“修改密码”改成自己的。
      </Typography.Paragraph>
      <Form form={form} layout="horizontal" labelCol={{ flex: '84px' }} requiredMark={false}>
        <NewPasswordFields label="新密码" />
      </Form>
    </Modal>
  )
}
