import { Alert, Button, Radio, Segmented, Select, Space, Table, Tag, Typography } from 'antd'
import { useMemo, useState } from 'react'
import type { DictionaryCategory } from '../../../shared/dictionary'
import {
  badValueRowActions,
  badValueRowLabels,
  duplicateActionLabels,
  duplicateActions,
  type BadValueRowAction,
  type DuplicateAction,
  type ImportPreview,
  type PreviewRow,
  type UnknownLabel,
} from '../../../shared/excelImport'
import { importFieldsOf, type ImportKind } from '../../../shared/excelImportFields'
import { Loaded } from '../api/LoadFailed'
import { useQuery } from '../api/useQuery'
import type { Decisions } from './importDecisions'
import { PreviewRowAction } from './PreviewRowAction'

type Filter = 'all' | 'problems' | 'duplicates'

/** A record (交易/交往) repeating one already there has nothing to update: 跳过 or 仍然导入. */
const duplicateChoices = (kind: ImportKind) =>
  kind === 'customers' ? duplicateActions : duplicateActions.filter((a) => a !== 'update')

/** Step 3: every row's problems and planned action; unknown dictionary labels and duplicates are decided here. */
export function ImportPreviewStep(props: {
  kind: ImportKind
  preview: ImportPreview
  decisions: Decisions
  busy: boolean
  onDecisions: (decisions: Decisions) => void
  onBack: () => void
  onNext: () => void
}): React.JSX.Element {
  const { preview, decisions } = props
  // Rows imported without a bad optional value: the user should see what they lose.
  const partial = preview.rows.filter((r) => (r.dropped?.length ?? 0) > 0).length
  const [filter, setFilter] = useState<Filter>(preview.counts.error + partial > 0 ? 'problems' : 'all')
  const dictionary = useQuery('dictionary.list', {})
  const rows = useMemo(
    () =>
      preview.rows.filter((r) =>
        filter === 'problems'
          ? r.action === 'error' || (r.dropped?.length ?? 0) > 0
          : filter === 'duplicates'
            ? r.duplicate !== null
            : true,
      ),
    [preview.rows, filter],
  )
  const duplicates = preview.rows.filter((r) => r.duplicate !== null).length
  const categoryOf = (field: string): DictionaryCategory | undefined =>
    importFieldsOf[props.kind].find((f) => f.key === field)?.dict

  // No choice yet: the item the label clearly means (华南区 → 华南), else a new item.
  const chosenItem = (u: UnknownLabel): number | null => {
    const choice = decisions.labelChoices.find((c) => c.field === u.field && c.label === u.label)
    return choice ? choice.itemId : (u.proposed?.id ?? null)
  }
  const chooseItem = (u: UnknownLabel, itemId: number | null) =>
    props.onDecisions({
      ...decisions,
      labelChoices: [
        ...decisions.labelChoices.filter((c) => !(c.field === u.field && c.label === u.label)),
        { field: u.field, label: u.label, itemId },
      ],
    })
  const rowDecision = (row: PreviewRow): DuplicateAction =>
    decisions.duplicateRows[String(row.rowNumber)] ?? decisions.duplicateDefault

  return (
    <Space orientation="vertical" size={14} style={{ width: '100%' }}>
      <Loaded query={dictionary} compact what="字典" />
      <Space size={8} wrap>
        <Typography.Text>共 {preview.total} 行：</Typography.Text>
        <Tag color="green">新建 {preview.counts.create}</Tag>
        <Tag color="blue">更新 {preview.counts.update}</Tag>
        <Tag>跳过 {preview.counts.skip}</Tag>
        <Tag color="red">有问题 {preview.counts.error}</Tag>
        {partial > 0 && <Tag color="orange">含错误值（导入但留空）{partial}</Tag>}
      </Space>

      {preview.unknownLabels.length > 0 && (
        <div>
          <Typography.Title level={5}>字典中没有的选项</Typography.Title>
          <Typography.Paragraph type="secondary">
            以下内容在系统字典中找不到。与已有项相近的默认对应到该项，其余默认新建为字典项；可逐个改选。
          </Typography.Paragraph>
          <Table<UnknownLabel>
            size="small"
            pagination={false}
            rowKey={(u) => `${u.field}|${u.label}`}
            dataSource={preview.unknownLabels}
            columns={[
              { title: '字段', dataIndex: 'fieldLabel', width: 120 },
              { title: '文件中的内容', dataIndex: 'label', width: 180 },
              { title: '行数', dataIndex: 'rows', width: 70 },
              {
                title: '处理',
                render: (_, u) => {
                  const category = categoryOf(u.field)
                  const items = (dictionary.data ?? []).filter((i) => i.category === category && i.enabled)
                  const proposed = u.proposed ?? null
                  const suggested = new Set(u.suggestions.map((s) => s.id))
                  return (
                    <Select
                      aria-label={`「${u.label}」的处理`}
                      style={{ width: 280 }}
                      showSearch={{ optionFilterProp: 'label' }}
                      value={chosenItem(u) ?? 0}
                      disabled={props.busy}
                      onChange={(value: number) => chooseItem(u, value === 0 ? null : value)}
                      options={[
                        ...(proposed
                          ? [{ value: proposed.id, label: `对应到「${proposed.label}」（${proposed.reason}）` }]
                          : []),
                        { value: 0, label: `新建「${u.label}」` },
                        ...u.suggestions
                          .filter((s) => s.id !== proposed?.id)
                          .map((s) => ({ value: s.id, label: `对应到「${s.label}」（相近）` })),
                        ...items
                          .filter((i) => !suggested.has(i.id))
                          .map((i) => ({ value: i.id, label: `对应到「${i.label}」` })),
                      ]}
                    />
                  )
                },
              },
            ]}
          />
        </div>
      )}

      {duplicates > 0 && (
        <Space wrap>
          <Typography.Text>
            发现 {duplicates} 行与已有{props.kind === 'customers' ? '客户' : '记录'}或文件中前面的行重复，默认处理方式：
          </Typography.Text>
          <Radio.Group
            value={decisions.duplicateDefault}
            disabled={props.busy}
            onChange={(e) =>
              props.onDecisions({
                ...decisions,
                duplicateDefault: e.target.value as DuplicateAction,
                duplicateRows: {},
              })
            }
            options={duplicateChoices(props.kind).map((a) => ({ value: a, label: duplicateActionLabels[a] }))}
          />
        </Space>
      )}

      {/* The 交易记录 planner keeps a row whole: imported, or refused with its problems. */}
      {props.kind !== 'sales' && (
        <Space wrap>
          <Typography.Text>导入含错误值的行：</Typography.Text>
          <Radio.Group
            value={decisions.badValueRows}
            disabled={props.busy}
            onChange={(e) => props.onDecisions({ ...decisions, badValueRows: e.target.value as BadValueRowAction })}
            options={badValueRowActions.map((a) => ({ value: a, label: badValueRowLabels[a] }))}
          />
          <Typography.Text type="secondary">（客户名称等必填项有误的行不导入）</Typography.Text>
        </Space>
      )}

      <Segmented<Filter>
        value={filter}
        onChange={setFilter}
        options={[
          { value: 'all', label: `全部（${preview.total}）` },
          { value: 'problems', label: `有问题（${preview.counts.error + partial}）` },
          { value: 'duplicates', label: `重复（${duplicates}）` },
        ]}
      />
      <Table<PreviewRow>
        size="small"
        rowKey="rowNumber"
        dataSource={rows}
        loading={props.busy}
        pagination={{ pageSize: 50, showSizeChanger: false, showTotal: (n) => `共 ${n} 行` }}
        locale={{ emptyText: filter === 'problems' ? '没有有问题的行' : '没有符合条件的行' }}
        columns={[
          { title: '行号', dataIndex: 'rowNumber', width: 70 },
          { title: '客户名称', dataIndex: 'name', width: 220, render: (n: string) => n || '（空）' },
          {
            title: '处理',
            dataIndex: 'action',
            width: 150,
            render: (_, row) => (
              <PreviewRowAction row={row} decisions={decisions} busy={props.busy} onDecisions={props.onDecisions} />
            ),
          },
          {
            title: '问题与说明',
            render: (_, row) =>
              row.problems.length === 0 && !row.dropped?.length && !row.notes?.length ? (
                <Typography.Text type="secondary">—</Typography.Text>
              ) : (
                <Space orientation="vertical" size={0}>
                  {row.problems.map((p, i) => (
                    <Typography.Text key={i} type="danger">
                      {p.column}：{p.message}
                    </Typography.Text>
                  ))}
                  {row.dropped?.map((d, i) => (
                    <Typography.Text key={`d${i}`} type="warning">
                      导入，但不导入 {d.column}「{d.value}」：{d.message}
                    </Typography.Text>
                  ))}
                  {row.notes?.map((note, i) => (
                    <Typography.Text key={`n${i}`} type="secondary">
                      {note}
                    </Typography.Text>
                  ))}
                </Space>
              ),
          },
          {
            title: '重复',
            width: 330,
            render: (_, row) => {
              const d = row.duplicate
              if (!d) return null
              const customer = `${props.kind === 'customers' ? '已有客户' : '客户'}「${d.name}」（${d.code}）`
              const where = d.source === 'database' ? customer : `第 ${d.rowNumber} 行`
              return (
                <Space orientation="vertical" size={4}>
                  <Typography.Text>
                    {d.reason}：{where}
                  </Typography.Text>
                  <Select
                    size="small"
                    aria-label={`第 ${row.rowNumber} 行重复处理`}
                    style={{ width: 150 }}
                    value={rowDecision(row)}
                    disabled={props.busy}
                    onChange={(value: DuplicateAction) =>
                      props.onDecisions({
                        ...decisions,
                        duplicateRows: { ...decisions.duplicateRows, [String(row.rowNumber)]: value },
                      })
                    }
                    options={duplicateChoices(props.kind).map((a) => ({
                      value: a,
                      // A row repeating an earlier one can be merged into the customer that row creates.
                      label:
                        d.source === 'file' && a === 'update' ? `并入第 ${d.rowNumber} 行` : duplicateActionLabels[a],
                    }))}
                  />
                </Space>
              )
            },
          },
        ]}
      />
      {preview.counts.error > 0 && (
        <Alert
          type="warning"
          showIcon
          title={`有 ${preview.counts.error} 行有问题，导入时将跳过这些行；导入后可下载错误报告，改好后再导入。`}
        />
      )}
      {partial > 0 && (
        <Alert
          type="info"
          showIcon
          title={`有 ${partial} 行含错误值：这些行照常导入，错误的值留空；导入后可下载错误报告查看。`}
        />
      )}
      <Space>
        <Button onClick={props.onBack}>上一步</Button>
        <Button
          type="primary"
          disabled={preview.counts.create + preview.counts.update === 0}
          loading={props.busy}
          onClick={props.onNext}
        >
          下一步：导入 {preview.counts.create + preview.counts.update} 行
        </Button>
      </Space>
    </Space>
  )
}
