import { Select } from 'antd'
import { useState } from 'react'
import { projectStages, type ProjectStage } from '../../../shared/grading/dealHeat'
import { MultiFilter, QuickSearch, wordOptions } from '../activity/ListFilters'
import { ProjectsTable, type ProjectFilters } from './ProjectsTable'
import './projects.css'

/** Heat bands the filter offers, as [min, max] of the stored percent. */
const heatBands: { value: string; label: string; min: number; max: number }[] = [
  { value: 'hot', label: '70% 及以上', min: 70, max: 100 },
  { value: 'warm', label: '30%–50%', min: 30, max: 50 },
  { value: 'cold', label: '10%', min: 0, max: 10 },
]

/** 项目: every project, hottest first, filtered by stage, heat and text. */
export function ProjectsScreen(): React.JSX.Element {
  const [stages, setStages] = useState<ProjectStage[]>([])
  const [band, setBand] = useState<string | null>(null)
  const [quick, setQuick] = useState('')
  const chosen = heatBands.find((b) => b.value === band)
  const filters: ProjectFilters = { stages, quick, heatMin: chosen?.min ?? null, heatMax: chosen?.max ?? null }

  return (
    <div>
      <div className="kq-list-filters">
        <MultiFilter<ProjectStage>
          label="阶段"
          placeholder="全部阶段"
          width={220}
          value={stages}
          onChange={setStages}
          options={wordOptions(projectStages)}
        />
        <Select<string>
          allowClear
          aria-label="成交热度"
          placeholder="全部成交热度"
          style={{ width: 160 }}
          value={band ?? undefined}
          onChange={(value) => setBand(value ?? null)}
          options={heatBands.map((b) => ({ value: b.value, label: b.label }))}
        />
        <QuickSearch
          label="搜索项目"
          placeholder="项目名称、甲方、乙方、决策人、竞争品牌"
          width={320}
          onSearch={setQuick}
        />
      </div>
      {/* Keyed by the filters so a new filter starts again on page 1. */}
      <ProjectsTable key={JSON.stringify(filters)} filters={filters} />
    </div>
  )
}
