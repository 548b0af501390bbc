import type { CountRow } from '../../../../shared/analysis/analysisOutputs'
import { Loaded } from '../../api/LoadFailed'
import { useQuery } from '../../api/useQuery'
import { CountSharePanel } from '../CountSharePanel'
import { AnalysisToolbar } from './AnalysisToolbar'

function GradePanel(props: { title: string; group: string; rows: CountRow[]; loading: boolean }) {
  return (
    <CountSharePanel
      {...props}
      valueName="客户数"
      emptyText="还没有客户"
      more={[{ key: 'amount', title: '累计交易金额', format: 'amount' }]}
    />
  )
}

/** 分级分布: today's customers by 成交级别 A–E, 客情关系等级 I–IV and 价值分类. */
export function GradesPage() {
  const query = useQuery('analysis.grades', {})
  const { data, loading } = query
  return (
    <>
      <AnalysisToolbar note="按客户当前的分级统计（不含回收站）；成交级别按今天计算，含手动指定的级别">
        <span>当前全部客户</span>
      </AnalysisToolbar>
      <Loaded query={query}>
        <GradePanel title="成交级别分布（A–E）" group="成交级别" rows={data?.dealGrade ?? []} loading={loading} />
        <GradePanel
          title="客情关系等级分布（I–IV）"
          group="客情关系等级"
          rows={data?.relationshipLevel ?? []}
          loading={loading}
        />
        <GradePanel title="价值分类分布" group="价值分类" rows={data?.valueClass ?? []} loading={loading} />
      </Loaded>
    </>
  )
}
