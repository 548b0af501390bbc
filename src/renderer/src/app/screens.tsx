import {
  BarChartOutlined,
  CalendarOutlined,
  DatabaseOutlined,
  DeleteOutlined,
  FireOutlined,
  MessageOutlined,
  SettingOutlined,
  TeamOutlined,
  TrophyOutlined,
} from '@ant-design/icons'
import type { ReactNode } from 'react'
import type { Permission } from '../../../shared/accounts'
import { AnalysisScreen } from '../analysis/AnalysisScreen'
import { InteractionsScreen } from '../activity/InteractionsScreen'
import { CustomersScreen } from '../customers/CustomersScreen'
import { MarketIntelScreen } from '../projects/MarketIntelScreen'
import { ProjectsScreen } from '../projects/ProjectsScreen'
import { CustomerSheet } from '../customers/sheet/CustomerSheet'
import { DataScreen } from '../data/DataScreen'
import { SettingsScreen } from '../settings/SettingsScreen'
import { WorkbenchScreen } from '../reminders/WorkbenchScreen'

export interface Screen {
  /** The hash route, e.g. /settings. */
  path: string
  label: string
  /** The page title for a sub-route, when it differs from the sidebar label. */
  title?: (subPath: string) => string
  icon: ReactNode
  render: (subPath: string) => ReactNode
  /** Offered only to a user holding one of these (staff accounts); every user when left out. */
  needsAny?: Permission[]
}

/** The sidebar, in order (docs/product-rules.md#screens). */
export const screens: Screen[] = [
  // First, so the app opens on today's work (the route fallback is the first screen).
  { path: '/workbench', label: '今日工作台', icon: <CalendarOutlined />, render: () => <WorkbenchScreen /> },
  {
    path: '/customers',
    label: '客户列表',
    title: (sub) => (sub === 'new' ? '新建客户' : sub ? '客户详情' : '客户列表'),
    icon: <TeamOutlined />,
    render: (sub) => <CustomersScreen subPath={sub} />,
  },
  { path: '/interactions', label: '交往记录', icon: <MessageOutlined />, render: () => <InteractionsScreen /> },
  { path: '/projects', label: '项目', icon: <FireOutlined />, render: () => <ProjectsScreen /> },
  {
    path: '/intel',
    label: '竞争对手与意见',
    icon: <TrophyOutlined />,
    render: (sub) => <MarketIntelScreen tab={sub} />,
  },
  {
    path: '/recycle',
    label: '回收站',
    icon: <DeleteOutlined />,
    render: () => <CustomerSheet key="recycle" recycleBin />,
  },
  {
    path: '/analysis',
    label: '统计分析',
    icon: <BarChartOutlined />,
    render: (sub) => <AnalysisScreen page={sub} />,
  },
  { path: '/data', label: '数据', icon: <DatabaseOutlined />, render: (sub) => <DataScreen tab={sub} /> },
  {
    path: '/settings',
    label: '系统设置',
    icon: <SettingOutlined />,
    render: (sub) => <SettingsScreen tab={sub} />,
    needsAny: ['dictionary', 'settings', 'users'],
  },
]
