import { Empty, Tabs } from 'antd'
import { sessionPermissions, useSession } from '../accounts/session'
import { navigate } from '../app/navigate'
import { dataTabs } from './dataTabs'

/** 数据: import, export, duplicate merge, backup and restore; the tab follows the route (#/data/<key>). */
export function DataScreen({ tab }: { tab: string }) {
  const granted = sessionPermissions(useSession())
  const tabs = dataTabs.filter((t) => !t.needs || granted.includes(t.needs))
  const first = tabs[0]
  if (!first) return <Empty description="暂无数据工具" />
  const active = tabs.some((t) => t.key === tab) ? tab : first.key
  return (
    <Tabs
      activeKey={active}
      onChange={(key) => navigate(`/data/${key}`)}
      destroyOnHidden
      items={tabs.map((t) => ({ key: t.key, label: t.label, children: t.render() }))}
    />
  )
}
