import { Empty, Tabs } from 'antd'
import type { ReactNode } from 'react'
import type { Permission } from '../../../shared/accounts'
import { ReclaimRulePanel } from '../accounts/ReclaimRulePanel'
import { sessionPermissions, useSession } from '../accounts/session'
import { UsersPanel } from '../accounts/UsersPanel'
import { navigate } from '../app/navigate'
import { OfficePanel } from '../office/OfficePanel'
import { DictionaryPanel } from './DictionaryPanel'
import { ProvinceRegionPanel } from './ProvinceRegionPanel'
import { ReminderSettingsPanel } from '../reminders/ReminderSettingsPanel'

/** Each tab is offered to whoever holds its permission (the core refuses the others' calls anyway). */
export const settingsTabs: { key: string; label: string; needs: Permission; render: () => ReactNode }[] = [
  { key: 'dictionary', label: '系统字典', needs: 'dictionary', render: () => <DictionaryPanel /> },
  { key: 'regions', label: '省份与大区', needs: 'dictionary', render: () => <ProvinceRegionPanel /> },
  { key: 'reminders', label: '提醒设置', needs: 'settings', render: () => <ReminderSettingsPanel /> },
  { key: 'users', label: '用户与权限', needs: 'users', render: () => <UsersPanel /> },
  { key: 'reclaim', label: '回收规则', needs: 'settings', render: () => <ReclaimRulePanel /> },
  // Everyone may see how this PC runs; changing it needs 'settings' (the panel shows it read-only otherwise).
  { key: 'office', label: '办公室共享', needs: 'signedIn', render: () => <OfficePanel /> },
]

export function SettingsScreen({ tab }: { tab: string }): React.JSX.Element {
  const granted = sessionPermissions(useSession())
  const tabs = settingsTabs.filter((t) => granted.includes(t.needs))
  if (tabs.length === 0) return <Empty description="没有可用的系统设置" />
  const active = tabs.some((t) => t.key === tab) ? tab : (tabs[0]?.key ?? '')
  return (
    <Tabs
      activeKey={active}
      items={tabs.map((t) => ({ key: t.key, label: t.label, children: t.render() }))}
      onChange={(key) => navigate(`/settings/${key}`)}
      style={{ background: '#fff', padding: '0 16px 16px', borderRadius: 6 }}
    />
  )
}
