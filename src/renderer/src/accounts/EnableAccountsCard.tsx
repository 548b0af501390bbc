import { TeamOutlined } from '@ant-design/icons'
import { Alert, App, Button, Card, Form, Input, Select, Typography } from 'antd'
import { useState } from 'react'
import { lockoutAttempts, lockoutMinutes } from '../../../shared/accounts'
import { call, errorMessage } from '../api/client'
import { Loaded } from '../api/LoadFailed'
import { NewPasswordFields } from './NewPasswordFields'
import { signedIn } from './session'
import { useStaffOptions } from './useStaffOptions'

interface Values {
  login: string
  name: string
  password: string
  repeat: string
  staffId?: number
}

/** 单机模式: what 多用户 means, and the form that turns it on with the first 管理员. */
export function EnableAccountsCard(): React.JSX.Element {
  const { message } = App.useApp()
  const staff = useStaffOptions()
  const [busy, setBusy] = useState(false)

  const enable = async (values: Values): Promise<void> => {
    setBusy(true)
    try {
      const answer = await call('auth.enable', {
        login: values.login.trim(),
        name: values.name.trim(),
        password: values.password,
        staffId: values.staffId ?? null,
      })
      message.success(`已开启多用户，您已作为管理员「${answer.user.name}」登录`)
      signedIn(answer, false)
    } catch (error) {
      message.error(errorMessage(error))
    } finally {
      setBusy(false)
    }
  }

  return (
    <div style={{ maxWidth: 720 }}>
      <Alert
        type="info"
        showIcon
        icon={<TeamOutlined />}
        title="现在是单机模式：打开程序不需要登录，所有客户对使用这台电脑的人都可见。"
        description={
          <>
            开启多用户后，每个人用自己的账号登录：业务员只看到自己负责的客户和公海客户，主管和管理员看到全部；
            谁修改了什么都会记录下来。连续输错密码 {lockoutAttempts} 次，该账号锁定 {lockoutMinutes} 分钟。
            开启时先创建第一位管理员（就是您自己），之后可在这里新建其他用户。
          </>
        }
        style={{ marginBottom: 16 }}
      />
      <Card title="开启多用户" size="small">
        <Form<Values>
          layout="horizontal"
          labelCol={{ flex: '110px' }}
          wrapperCol={{ flex: '320px' }}
          requiredMark={false}
          onFinish={(values) => void enable(values)}
        >
          <Form.Item
            label="登录名"
            name="login"
            rules={[{ required: true, whitespace: true, message: '请填写登录名' }]}
          >
            <Input autoComplete="off" aria-label="登录名" />
          </Form.Item>
          <Form.Item label="姓名" name="name" rules={[{ required: true, whitespace: true, message: '请填写姓名' }]}>
            <Input aria-label="姓名" />
          </Form.Item>
          <NewPasswordFields label="密码" />
          <Form.Item
            label="对应业务员"
            name="staffId"
            extra="您本人也负责客户时，选择字典中代表您的业务员；不负责客户可留空。"
          >
            <Select allowClear aria-label="对应业务员" placeholder="不对应业务员" options={staff.options} />
          </Form.Item>
          <Loaded query={staff.load} compact what="业务员名单" />
          <Form.Item label=" " colon={false}>
            <Button type="primary" htmlType="submit" loading={busy}>
              开启多用户
            </Button>
          </Form.Item>
        </Form>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          之后可随时在这里关闭多用户，回到单机模式。
        </Typography.Paragraph>
      </Card>
    </div>
  )
}
