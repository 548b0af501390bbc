import { DownOutlined, KeyOutlined, LogoutOutlined, SwapOutlined, UserOutlined } from '@ant-design/icons'
import { App, Button, Dropdown, Tag } from 'antd'
import { useState } from 'react'
import { roleLabels } from '../../../shared/accounts'
import { errorMessage } from '../api/client'
import { ChangePasswordDialog } from './ChangePasswordDialog'
import { signOut, useSession } from './session'

/** In the header with 多用户 on: who is signed in, and 修改密码 / 切换用户 / 注销. */
export function UserMenu(): React.JSX.Element | null {
  const { message } = App.useApp()
  const { enabled, user } = useSession()
  const [changing, setChanging] = useState(false)
  if (!enabled || !user) return null

  const leave = (): void => {
    signOut().catch((error: unknown) => void message.error(errorMessage(error)))
  }
  return (
    <>
      <Dropdown
        trigger={['click']}
        menu={{
          items: [
            { key: 'password', label: '修改密码', icon: <KeyOutlined /> },
            { key: 'switch', label: '切换用户', icon: <SwapOutlined /> },
            { type: 'divider' },
            { key: 'logout', label: '注销', icon: <LogoutOutlined /> },
          ],
          onClick: ({ key }) => (key === 'password' ? setChanging(true) : leave()),
        }}
      >
        <Button type="text" className="kq-user-menu" aria-label="当前用户" style={{ marginTop: 10 }}>
          <UserOutlined />
          {user.name}
          <Tag
            color={user.role === 'admin' ? 'red' : user.role === 'manager' ? 'blue' : 'default'}
            style={{ margin: 0 }}
          >
            {roleLabels[user.role]}
          </Tag>
          <DownOutlined style={{ fontSize: 10 }} />
        </Button>
      </Dropdown>
      {changing && <ChangePasswordDialog onClose={() => setChanging(false)} />}
    </>
  )
}
