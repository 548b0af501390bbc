import { Tabs } from 'antd'
import { useState } from 'react'
import { competitorKinds, type CompetitorKind } from '../../../shared/competitor'
import { feedbackStatuses, feedbackTypes, type FeedbackStatus, type FeedbackType } from '../../../shared/feedback'
import { DateRangeFilter, MultiFilter, QuickSearch, wordOptions } from '../activity/ListFilters'
import { navigate } from '../app/navigate'
import { CompetitorsTable, type CompetitorFilters } from './CompetitorsTable'
import { FeedbackTable, type FeedbackFilters } from './FeedbackTable'
import './projects.css'

function CompetitorList(): React.JSX.Element {
  const [filters, setFilters] = useState<CompetitorFilters>({})
  return (
    <div>
      <div className="kq-list-filters">
        <MultiFilter<CompetitorKind>
          label="类型"
          placeholder="竞争对手和供应商"
          width={200}
          value={filters.kinds ?? []}
          onChange={(kinds) => setFilters({ ...filters, kinds })}
          options={wordOptions(competitorKinds)}
        />
        <QuickSearch
          label="搜索竞争对手"
          placeholder="名称、产品、客户名称"
          width={280}
          onSearch={(quick) => setFilters({ ...filters, quick })}
        />
      </div>
      <CompetitorsTable key={JSON.stringify(filters)} filters={filters} />
    </div>
  )
}

function FeedbackList(): React.JSX.Element {
  const [filters, setFilters] = useState<FeedbackFilters>({})
  return (
    <div>
      <div className="kq-list-filters">
        <DateRangeFilter
          label="收到日期"
          placeholder={['收到日期从', '到']}
          onChange={(range) => setFilters({ ...filters, ...range })}
        />
        <MultiFilter<FeedbackType>
          label="意见类型"
          placeholder="全部类型"
          width={180}
          value={filters.types ?? []}
          onChange={(types) => setFilters({ ...filters, types })}
          options={wordOptions(feedbackTypes)}
        />
        <MultiFilter<FeedbackStatus>
          label="处理状态"
          placeholder="全部状态"
          width={180}
          value={filters.statuses ?? []}
          onChange={(statuses) => setFilters({ ...filters, statuses })}
          options={wordOptions(feedbackStatuses)}
        />
        <QuickSearch
          label="搜索客户意见"
          placeholder="意见内容、处理结果、客户名称"
          width={280}
          onSearch={(quick) => setFilters({ ...filters, quick })}
        />
      </div>
      <FeedbackTable key={JSON.stringify(filters)} filters={filters} />
    </div>
  )
}

/** 竞争对手与意见: every customer's 竞争对手/供应商 and 客户意见, a tab each (#/intel/competitors, #/intel/feedback). */
export function MarketIntelScreen({ tab }: { tab: string }): React.JSX.Element {
  return (
    <Tabs
      activeKey={tab === 'feedback' ? 'feedback' : 'competitors'}
      onChange={(key) => navigate(`/intel/${key}`)}
      destroyOnHidden
      items={[
        { key: 'competitors', label: '竞争对手/供应商', children: <CompetitorList /> },
        { key: 'feedback', label: '客户意见', children: <FeedbackList /> },
      ]}
    />
  )
}
