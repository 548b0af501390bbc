import { PlusOutlined, PoweroffOutlined } from '@ant-design/icons'
import { App, Button, Space, Table, Tag, Typography } from 'antd'
import { useState } from 'react'
import { roleLabels, type User } from '../../../shared/accounts'
import { call, errorMessage } from '../api/client'
import { Loaded } from '../api/LoadFailed'
import { useQuery } from '../api/useQuery'
import { EnableAccountsCard } from './EnableAccountsCard'
import { HandOverDialog } from './HandOverDialog'
import { ResetPasswordDialog } from './ResetPasswordDialog'
import { refreshSession, useSession } from './session'
import { UserDialog } from './UserDialog'

type Dialog = { kind: 'create' } | { kind: 'edit' | 'password' | 'handover'; user: User }

/** 系统设置 → 用户与权限: turning 多用户 on, or the users, their roles and handover when they leave. */
export function UsersPanel(): React.JSX.Element {
  const session = useSession()
  if (!session.enabled) return <EnableAccountsCard />
  return <UsersTable />
}

function UsersTable(): React.JSX.Element {
  const { message, modal } = App.useApp()
  const users = useQuery('users.list', {})
  const [dialog, setDialog] = useState<Dialog | null>(null)

  const disable = (): void => {
    modal.confirm({
      title: '关闭多用户，回到单机模式？',
      content: '关闭后打开程序不再需要登录，使用这台电脑的人都能看到全部客户。',
      okText: '关闭多用户',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: async () => {
        try {
          await call('auth.disable', {})
          message.success('已关闭多用户，现在是单机模式')
          await refreshSession()
        } catch (error) {
          message.error(errorMessage(error))
        }
      },
    })
  }

  const done = (): void => {
    setDialog(null)
    void users.reload()
  }

  return (
    <div>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 12 }}>
        <Typography.Text type="secondary">
          业务员只看到自己负责的客户和公海；主管和管理员看到全部客户。停用的用户不能再登录。
        </Typography.Text>
        <Space>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'create' })}>
            新建用户
          </Button>
          <Button danger icon={<PoweroffOutlined />} onClick={disable}>
            关闭多用户
          </Button>
        </Space>
      </Space>
      <Loaded query={users} what="用户列表">
        <Table<User>
          rowKey="id"
          size="small"
          loading={users.loading}
          dataSource={users.data ?? []}
          pagination={false}
          columns={[
            { title: '登录名', dataIndex: 'login', width: 120 },
            { title: '姓名', dataIndex: 'name', width: 110 },
            {
              title: '角色',
              dataIndex: 'role',
              width: 90,
              render: (role: User['role']) => roleLabels[role],
            },
            { title: '业务员', dataIndex: 'staffName', width: 110, render: (v: string | null) => v ?? '—' },
            {
              title: '客户数/上限',
              key: 'customers',
              width: 110,
              align: 'right',
              render: (_, u) => `${u.ownedCustomers} / ${u.customerLimit ?? '不限'}`,
            },
            {
              title: '状态',
              dataIndex: 'enabled',
              width: 80,
              render: (enabled: boolean) => (enabled ? <Tag color="green">启用</Tag> : <Tag>停用</Tag>),
            },
            {
              title: '锁定至',
              dataIndex: 'lockedUntil',
              width: 150,
              render: (v: string | null) => (v ? <Typography.Text type="danger">{v}</Typography.Text> : '—'),
            },
            {
              title: '操作',
              key: 'actions',
              render: (_, user) => (
                <Space size={0}>
                  <Button type="link" size="small" onClick={() => setDialog({ kind: 'edit', user })}>
                    编辑
                  </Button>
                  <Button type="link" size="small" onClick={() => setDialog({ kind: 'password', user })}>
                    重设密码
                  </Button>
                  <Button type="link" size="small" onClick={() => setDialog({ kind: 'handover', user })}>
                    离职交接
                  </Button>
                </Space>
              ),
            },
          ]}
        />
      </Loaded>
      {dialog?.kind === 'create' && <UserDialog onClose={() => setDialog(null)} onSaved={done} />}
      {dialog?.kind === 'edit' && <UserDialog user={dialog.user} onClose={() => setDialog(null)} onSaved={done} />}
      {dialog?.kind === 'password' && <ResetPasswordDialog user={dialog.user} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'handover' && (
        <HandOverDialog from={dialog.user} users={users.data ?? []} onClose={() => setDialog(null)} onDone={done} />
      )}
    </div>
  )
}
