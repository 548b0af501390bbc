import { Tabs } from 'antd'
import { navigate } from '../app/navigate'
import { DictionaryPanel } from './DictionaryPanel'
import { ProvinceRegionPanel } from './ProvinceRegionPanel'
import { ReminderSettingsPanel } from '../reminders/ReminderSettingsPanel'

const tabs = [
  { key: 'dictionary', label: '系统字典', children: <DictionaryPanel /> },
  { key: 'regions', label: '省份与大区', children: <ProvinceRegionPanel /> },
  { key: 'reminders', label: '提醒设置', children: <ReminderSettingsPanel /> },
]

export function SettingsScreen({ tab }: { tab: string }): React.JSX.Element {
  const active = tabs.some((t) => t.key === tab) ? tab : 'dictionary'
  return (
    <Tabs
      activeKey={active}
      items={tabs}
      onChange={(key) => navigate(`/settings/${key}`)}
      style={{ background: '#fff', padding: '0 16px 16px', borderRadius: 6 }}
    />
  )
}
