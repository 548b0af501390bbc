import { SettingOutlined } from '@ant-design/icons'
import type { ReactNode } from 'react'
import { SettingsScreen } from '../settings/SettingsScreen'

export interface Screen {
  /** The hash route, e.g. /settings. */
  path: string
  label: string
  icon: ReactNode
  render: (subPath: string) => ReactNode
}

/** The sidebar, in order. Screens of SPEC §7 are added here as their issues land. */
export const screens: Screen[] = [
  { path: '/settings', label: '系统设置', icon: <SettingOutlined />, render: (sub) => <SettingsScreen tab={sub} /> },
]
