import { Menu } from 'antd'
import { sessionPermissions, useSession } from '../accounts/session'
import { navigate } from '../app/navigate'
import { analysisPages } from './analysisPages'
import { offeredPages } from './offeredPages'
import './analysis.css'

/** 统计分析: a menu of the analyses on the left, the chosen one on the right; the page follows the route. */
export function AnalysisScreen({ page }: { page: string }) {
  const pages = offeredPages(analysisPages, sessionPermissions(useSession()))
  const active = pages.find((p) => p.key === page) ?? pages[0]
  if (!active) return null
  return (
    <div className="kq-analysis">
      <Menu
        className="kq-analysis-menu"
        mode="inline"
        selectedKeys={[active.key]}
        items={pages.map((p) => ({ key: p.key, label: p.label }))}
        onClick={({ key }) => navigate(`/analysis/${key}`)}
      />
      <div className="kq-analysis-page" key={active.key} data-testid={`analysis-${active.key}`}>
        {active.render()}
      </div>
    </div>
  )
}
