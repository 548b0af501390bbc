import { Alert, App, Button, Form, Select, Space } from 'antd'
import { useState } from 'react'
import { minPasswordLength } from '../../../shared/accounts'
import { call, errorMessage } from '../api/client'
import { Loaded } from '../api/LoadFailed'
import { useQuery } from '../api/useQuery'
import { NewPasswordFields } from './NewPasswordFields'
import { refreshSession } from './session'

interface RecoveryValues {
  userId: number
  password: string
  repeat: string
}

/**
 * A forgotten 管理员 password: offered only while the recovery file lies in the data
 * folder (auth.status.recoveryOpen), i.e. to someone who can open that folder on this PC.
 */
export function RecoveryForm({ onDone }: { onDone: () => void }): React.JSX.Element {
  const { message } = App.useApp()
  const admins = useQuery('auth.recoveryAdmins', {})
  const [error, setError] = useState<string>()
  const [busy, setBusy] = useState(false)

  const submit = async (values: RecoveryValues): Promise<void> => {
    setBusy(true)
    setError(undefined)
    try {
      await call('auth.recover', { userId: values.userId, password: values.password })
      message.success('已重设管理员密码，请用新密码登录')
      await refreshSession()
      onDone()
    } catch (failure) {
      setError(errorMessage(failure))
    } finally {
      setBusy(false)
    }
  }

  return (
    <Loaded query={admins} what="管理员名单">
      <Alert
        type="warning"
        showIcon
        title={`为一位管理员设一个新密码（至少 ${minPasswordLength} 位）；设好后，数据文件夹中的 reset-admin-password.txt 自动删除。`}
        style={{ marginBottom: 16 }}
      />
      {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 16 }} />}
      <Form<RecoveryValues> layout="vertical" requiredMark={false} onFinish={(values) => void submit(values)}>
        <Form.Item label="管理员" name="userId" rules={[{ required: true, message: '请选择管理员' }]}>
          <Select
            aria-label="管理员"
            options={(admins.data ?? []).map((a) => ({ value: a.id, label: `${a.name}（${a.login}）` }))}
          />
        </Form.Item>
        <NewPasswordFields label="新密码" />
        <Space style={{ width: '100%', justifyContent: 'flex-end' }}>
          <Button onClick={onDone}>返回登录</Button>
          <Button type="primary" htmlType="submit" loading={busy}>
            重设密码
          </Button>
        </Space>
      </Form>
    </Loaded>
  )
}
