import type { ReactNode } from 'react'
import type { Channel } from '../../../shared/contract'
import { ContactsPage } from './pages/ContactsPage'
import { ExtremesPage } from './pages/ExtremesPage'
import { FeedbackPage } from './pages/FeedbackPage'
import { GradesPage } from './pages/GradesPage'
import { ParetoPage } from './pages/ParetoPage'
import { RatiosPage } from './pages/RatiosPage'
import { ReceivablesAgingPage } from './pages/ReceivablesAgingPage'
import { ReceivablesMonthlyPage } from './pages/ReceivablesMonthlyPage'
import { RetentionPage } from './pages/RetentionPage'
import { RfmPage } from './pages/RfmPage'
import { SalesPerformancePage } from './pages/SalesPerformancePage'
import { SourcesPage } from './pages/SourcesPage'

export interface AnalysisPage {
  key: string
  label: string
  render: () => ReactNode
  /** The channel the page reads: offered only to a role that may call it (channelPermissions). */
  channel?: Channel
}

/** The pages of 统计分析 (docs/product-rules.md#analyses), in menu order; the key is the route (#/analysis/<key>). */
export const analysisPages: AnalysisPage[] = [
  { key: 'sources', label: '客户来源分布', render: () => <SourcesPage /> },
  { key: 'ratios', label: '比率分析', render: () => <RatiosPage /> },
  { key: 'sales', label: '销售业绩', render: () => <SalesPerformancePage /> },
  { key: 'extremes', label: '极端情况', render: () => <ExtremesPage /> },
  { key: 'retention', label: '保持与流失', render: () => <RetentionPage /> },
  { key: 'rfm', label: 'RFM 分析', render: () => <RfmPage /> },
  { key: 'pareto', label: '二八分析', render: () => <ParetoPage /> },
  { key: 'grades', label: '分级分布', render: () => <GradesPage /> },
  { key: 'feedback', label: '意见分析', render: () => <FeedbackPage /> },
  { key: 'contacts', label: '客户接触评价', render: () => <ContactsPage /> },
  {
    key: 'aging',
    label: '应收账款账龄',
    render: () => <ReceivablesAgingPage />,
    channel: 'receivables.aging',
  },
  {
    key: 'collections',
    label: '回款统计',
    render: () => <ReceivablesMonthlyPage />,
    channel: 'receivables.monthly',
  },
]
