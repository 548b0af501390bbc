import { Empty, Tabs } from 'antd'
import { navigate } from '../app/navigate'
import { dataTabs } from './dataTabs'

/** 数据: import, export, duplicate merge, backup and restore; the tab follows the route (#/data/<key>). */
export function DataScreen({ tab }: { tab: string }) {
  if (dataTabs.length === 0) return <Empty description="暂无数据工具" />
  const active = dataTabs.some((t) => t.key === tab) ? tab : dataTabs[0].key
  return (
    <Tabs
      activeKey={active}
      onChange={(key) => navigate(`/data/${key}`)}
      destroyOnHidden
      items={dataTabs.map((t) => ({ key: t.key, label: t.label, children: t.render() }))}
    />
  )
}
