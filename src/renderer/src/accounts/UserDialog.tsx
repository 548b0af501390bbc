import { App, Form, Input, InputNumber, Modal, Select, Switch } from 'antd'
import { useState } from 'react'
import { roleLabels, roles, type Role, type User } from '../../../shared/accounts'
import { call, errorMessage } from '../api/client'
import { Loaded } from '../api/LoadFailed'
import { NewPasswordFields } from './NewPasswordFields'
import { useStaffOptions } from './useStaffOptions'

interface Values {
  login: string
  name: string
  role: Role
  staffId?: number | null
  customerLimit?: number | null
  enabled: boolean
  password: string
  repeat: string
}

const roleHelp: Record<Role, string> = {
  admin: '全部功能：用户、系统设置、字典、备份与恢复、彻底删除',
  manager: '全部客户、统计分析、导出、导入、转交',
  sales: '自己负责的客户和公海客户',
}

/** 新建用户 (with a first password), or 编辑 one: 姓名, 角色, 启用/停用, 业务员, 客户上限. */
export function UserDialog({
  user,
  onClose,
  onSaved,
}: {
  user?: User
  onClose: () => void
  onSaved: () => void
}): React.JSX.Element {
  const { message } = App.useApp()
  const [form] = Form.useForm<Values>()
  const staff = useStaffOptions()
  const [busy, setBusy] = useState(false)
  const role = Form.useWatch('role', form)

  const save = async (): Promise<void> => {
    const v = await form.validateFields()
    setBusy(true)
    try {
      const common = {
        name: v.name.trim(),
        role: v.role,
        staffId: v.staffId ?? null,
        customerLimit: v.customerLimit ?? null,
      }
      if (user) {
        await call('users.update', { id: user.id, ...common, enabled: v.enabled })
        message.success(`已保存「${common.name}」`)
      } else {
        await call('users.create', { login: v.login.trim(), password: v.password, ...common })
        message.success(`已新建用户「${common.name}」`)
      }
      onSaved()
    } catch (error) {
      message.error(errorMessage(error))
    } finally {
      setBusy(false)
    }
  }

  return (
    <Modal
      open
      title={user ? `编辑用户：${user.name}` : '新建用户'}
      okText="保存"
      cancelText="取消"
      confirmLoading={busy}
      onOk={() => void save().catch(() => undefined)}
      onCancel={onClose}
      destroyOnHidden
      width={520}
    >
      <Loaded query={staff.load} compact what="业务员名单" />
      <Form<Values>
        form={form}
        layout="horizontal"
        labelCol={{ flex: '96px' }}
        requiredMark={false}
        style={{ marginTop: 16 }}
        initialValues={
          user
            ? { ...user, staffId: user.staffId ?? undefined, customerLimit: user.customerLimit ?? undefined }
            : { role: 'sales', enabled: true }
        }
      >
        <Form.Item label="登录名" name="login" rules={[{ required: !user, whitespace: true, message: '请填写登录名' }]}>
          <Input disabled={Boolean(user)} autoComplete="off" aria-label="登录名" />
        </Form.Item>
        <Form.Item label="姓名" name="name" rules={[{ required: true, whitespace: true, message: '请填写姓名' }]}>
          <Input aria-label="姓名" />
        </Form.Item>
        <Form.Item label="角色" name="role" extra={role ? roleHelp[role] : undefined}>
          <Select aria-label="角色" options={roles.map((r) => ({ value: r, label: roleLabels[r] }))} />
        </Form.Item>
        <Form.Item label="对应业务员" name="staffId" extra="此用户负责的客户，就是负责业务员为这一项的客户。">
          <Select allowClear aria-label="对应业务员" placeholder="不对应业务员" options={staff.options} />
        </Form.Item>
        <Form.Item label="客户上限" name="customerLimit" extra="最多可负责多少个客户（领取到此为止）；留空为不限。">
          <InputNumber min={1} precision={0} style={{ width: 160 }} aria-label="客户上限" placeholder="不限" />
        </Form.Item>
        {user ? (
          <Form.Item label="启用" name="enabled" valuePropName="checked">
            <Switch checkedChildren="启用" unCheckedChildren="停用" aria-label="启用" />
          </Form.Item>
        ) : (
          <NewPasswordFields label="密码" />
        )}
      </Form>
    </Modal>
  )
}
