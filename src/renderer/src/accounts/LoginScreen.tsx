import { LockOutlined, UserOutlined } from '@ant-design/icons'
import { Alert, Button, Card, Checkbox, Form, Input, Typography } from 'antd'
import { useState } from 'react'
import { call, errorMessage } from '../api/client'
import { RecoveryForm } from './RecoveryForm'
import { signedIn, useSession } from './session'
import './accounts.css'

interface LoginValues {
  login: string
  password: string
  remember: boolean
}

/** With 多用户 on and nobody signed in: the whole window is this form. */
export function LoginScreen(): React.JSX.Element {
  const session = useSession()
  const [error, setError] = useState<string>()
  const [busy, setBusy] = useState(false)
  const [recovering, setRecovering] = useState(false)

  const submit = async (values: LoginValues): Promise<void> => {
    setBusy(true)
    setError(undefined)
    try {
      const answer = await call('auth.login', {
        login: values.login.trim(),
        password: values.password,
        remember: values.remember,
      })
      signedIn(answer, values.remember)
    } catch (failure) {
      // Wrong password, locked out for N minutes, disabled: the core says which, in Chinese.
      setError(errorMessage(failure))
    } finally {
      setBusy(false)
    }
  }

  return (
    <div className="kq-login-page">
      <Card className="kq-login-card">
        <div className="kq-login-brand">
          <img src="./app-icon.png" alt="" width={40} height={40} />
          <div>
            <Typography.Title level={3} style={{ margin: 0 }}>
              客情管家
            </Typography.Title>
            <Typography.Text type="secondary">{recovering ? '重设管理员密码' : '请登录'}</Typography.Text>
          </div>
        </div>
        {recovering ? (
          <RecoveryForm onDone={() => setRecovering(false)} />
        ) : (
          <>
            {session.message && !error && (
              <Alert type="info" showIcon title={session.message} style={{ marginBottom: 16 }} />
            )}
            {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 16 }} />}
            <Form<LoginValues>
              layout="vertical"
              requiredMark={false}
              initialValues={{ login: '', password: '', remember: false }}
              onFinish={(values) => void submit(values)}
            >
              <Form.Item
                label="登录名"
                name="login"
                rules={[{ required: true, whitespace: true, message: '请填写登录名' }]}
              >
                <Input prefix={<UserOutlined />} autoComplete="username" autoFocus aria-label="登录名" />
              </Form.Item>
              <Form.Item label="密码" name="password" rules={[{ required: true, message: '请填写密码' }]}>
                <Input.Password prefix={<LockOutlined />} autoComplete="current-password" aria-label="密码" />
              </Form.Item>
              <Form.Item name="remember" valuePropName="checked" style={{ marginBottom: 16 }}>
                <Checkbox>记住我（本机）</Checkbox>
              </Form.Item>
              <Button type="primary" htmlType="submit" block size="large" loading={busy}>
                登录
              </Button>
            </Form>
            <Typography.Paragraph type="secondary" className="kq-login-foot">
              {session.recoveryOpen ? (
                <Button type="link" size="small" onClick={() => setRecovering(true)}>
                  重设管理员密码
                </Button>
              ) : (
                // The recovery path of the README: whoever can open the data folder may set a new 管理员 password.
                '忘记密码请联系管理员重设。管理员忘记密码：关闭程序，在数据文件夹中放一个名为 reset-admin-password.txt 的空文件，再打开程序。'
              )}
            </Typography.Paragraph>
          </>
        )}
      </Card>
    </div>
  )
}
