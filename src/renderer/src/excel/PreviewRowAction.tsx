import { Button, Space, Tag } from 'antd'
import { rowActionLabels, skippedRowLabels, type PreviewRow } from '../../../shared/excelImport'
import type { Decisions } from './importDecisions'

const actionColors: Record<PreviewRow['action'], string> = {
  create: 'green',
  update: 'blue',
  skip: 'default',
  error: 'red',
}

/**
 * A preview row's 处理: 新建/更新/跳过/有问题, or for a row recognised as a
 * 合计/说明 line or a repeated header, why it is left out with 导入此行 (and the
 * way back once it is imported after all).
 */
export function PreviewRowAction(props: {
  row: PreviewRow
  decisions: Decisions
  busy: boolean
  onDecisions: (decisions: Decisions) => void
}): React.JSX.Element {
  const { row, decisions } = props
  const imported = decisions.importRows ?? []
  const setImported = (rows: number[]) => props.onDecisions({ ...decisions, importRows: rows })
  if (row.skipped) {
    return (
      <Space orientation="vertical" size={2}>
        <Tag>{skippedRowLabels[row.skipped]}</Tag>
        <Button
          size="small"
          type="link"
          style={{ padding: 0 }}
          disabled={props.busy}
          aria-label={`导入第 ${row.rowNumber} 行`}
          onClick={() => setImported([...imported, row.rowNumber])}
        >
          导入此行
        </Button>
      </Space>
    )
  }
  const tag = <Tag color={actionColors[row.action]}>{rowActionLabels[row.action]}</Tag>
  if (!imported.includes(row.rowNumber)) return tag
  return (
    <Space orientation="vertical" size={2}>
      {tag}
      <Button
        size="small"
        type="link"
        style={{ padding: 0 }}
        disabled={props.busy}
        aria-label={`第 ${row.rowNumber} 行仍按合计/说明行跳过`}
        onClick={() => setImported(imported.filter((n) => n !== row.rowNumber))}
      >
        仍然跳过
      </Button>
    </Space>
  )
}
