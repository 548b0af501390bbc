import { DeleteOutlined, SettingOutlined, TeamOutlined } from '@ant-design/icons'
import type { ReactNode } from 'react'
import { CustomersScreen } from '../customers/CustomersScreen'
import { CustomerSheet } from '../customers/sheet/CustomerSheet'
import { SettingsScreen } from '../settings/SettingsScreen'

export interface Screen {
  /** The hash route, e.g. /settings. */
  path: string
  label: string
  /** The page title for a sub-route, when it differs from the sidebar label. */
  title?: (subPath: string) => string
  icon: ReactNode
  render: (subPath: string) => ReactNode
}

/** The sidebar, in order. Screens of SPEC §7 are added here as their issues land. */
export const screens: Screen[] = [
  {
    path: '/customers',
    label: '客户列表',
    title: (sub) => (sub === 'new' ? '新建客户' : sub ? '客户详情' : '客户列表'),
    icon: <TeamOutlined />,
    render: (sub) => <CustomersScreen subPath={sub} />,
  },
  {
    path: '/recycle',
    label: '回收站',
    icon: <DeleteOutlined />,
    render: () => <CustomerSheet key="recycle" recycleBin />,
  },
  { path: '/settings', label: '系统设置', icon: <SettingOutlined />, render: (sub) => <SettingsScreen tab={sub} /> },
]
