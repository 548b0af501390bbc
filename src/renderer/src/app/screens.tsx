import {
  BarChartOutlined,
  CalendarOutlined,
  DatabaseOutlined,
  DeleteOutlined,
  FileDoneOutlined,
  FireOutlined,
  MessageOutlined,
  SettingOutlined,
  TeamOutlined,
  TrophyOutlined,
} from '@ant-design/icons'
import type { ReactNode } from 'react'
import type { Permission } from '../../../shared/accounts'
import { lazyScreen, preloadWhenIdle } from './lazyScreen'

// Each screen is its own chunk, fetched when first shown: the window paints without
// waiting for the libraries only some screens use (AG Grid, ECharts).
const WorkbenchScreen = lazyScreen(() => import('../reminders/WorkbenchScreen').then((m) => m.WorkbenchScreen))
const CustomersScreen = lazyScreen(() => import('../customers/CustomersScreen').then((m) => m.CustomersScreen))
const InteractionsScreen = lazyScreen(() => import('../activity/InteractionsScreen').then((m) => m.InteractionsScreen))
const ProjectsScreen = lazyScreen(() => import('../projects/ProjectsScreen').then((m) => m.ProjectsScreen))
const ContractsScreen = lazyScreen(() => import('../contracts/ContractsScreen').then((m) => m.ContractsScreen))
const MarketIntelScreen = lazyScreen(() => import('../projects/MarketIntelScreen').then((m) => m.MarketIntelScreen))
const CustomerSheet = lazyScreen(() => import('../customers/sheet/CustomerSheet').then((m) => m.CustomerSheet))
const RecycleBinScreen = lazyScreen(() => import('../recycle/RecycleBinScreen').then((m) => m.RecycleBinScreen))
const AnalysisScreen = lazyScreen(() => import('../analysis/AnalysisScreen').then((m) => m.AnalysisScreen))
const DataScreen = lazyScreen(() => import('../data/DataScreen').then((m) => m.DataScreen))
const SettingsScreen = lazyScreen(() => import('../settings/SettingsScreen').then((m) => m.SettingsScreen))

// The rest follow once the window is idle, so a click on the sidebar later opens at once.
preloadWhenIdle([
  WorkbenchScreen,
  CustomersScreen,
  AnalysisScreen,
  InteractionsScreen,
  ProjectsScreen,
  ContractsScreen,
  MarketIntelScreen,
  CustomerSheet,
  RecycleBinScreen,
  DataScreen,
  SettingsScreen,
])

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
    path: '/contracts',
    label: '合同与回款',
    title: (sub) => (/^\d+$/.test(sub) ? '合同详情' : '合同与回款'),
    icon: <FileDoneOutlined />,
    render: (sub) => <ContractsScreen subPath={sub} />,
  },
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
    render: (sub) => <RecycleBinScreen tab={sub} customers={<CustomerSheet key="recycle" recycleBin />} />,
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
