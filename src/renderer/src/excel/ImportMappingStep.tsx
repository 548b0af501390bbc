import { Alert, Button, Select, Space, Table, Tag, Typography } from 'antd'
import type { ImportOpenOutput } from '../../../shared/excelImport'
import { importFieldsOf, type ImportKind } from '../../../shared/excelImportFields'

interface ColumnRow {
  column: number
  header: string
  samples: string[]
}

const columnLetter = (index: number): string => {
  let n = index + 1
  let letters = ''
  while (n > 0) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters
    n = Math.floor((n - 1) / 26)
  }
  return letters
}

/** Step 2: each column of the file → a field (pre-filled from remembered mappings and the header's wording). */
export function ImportMappingStep(props: {
  kind: ImportKind
  opened: ImportOpenOutput
  mapping: (string | null)[]
  onMapping: (mapping: (string | null)[]) => void
  busy: boolean
  onBack: () => void
  onNext: () => void
}): React.JSX.Element {
  const fields = importFieldsOf[props.kind]
  const { opened, mapping } = props
  const rows: ColumnRow[] = opened.headers.map((header, column) => ({
    column,
    header,
    samples: opened.sample.map((row) => row[column] ?? '').filter((v) => v !== ''),
  }))
  const used = new Set(mapping.filter((key): key is string => key !== null))
  const missing = fields.filter((f) => f.required && !used.has(f.key))
  const setColumn = (column: number, key: string | null) => {
    const next = opened.headers.map((_, i) => mapping[i] ?? null)
    next[column] = key
    props.onMapping(next)
  }

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Typography.Text>
        {`文件「${opened.fileName}」：表头在第 ${opened.headerRow} 行，共 ${opened.rowCount} 行数据。请核对每一列对应的字段，不需要的列选「不导入」。`}
      </Typography.Text>
      {missing.length > 0 && (
        <Alert type="warning" showIcon title={`还没有为「${missing.map((f) => f.label).join('、')}」选择对应的列`} />
      )}
      <Table<ColumnRow>
        size="small"
        rowKey="column"
        pagination={false}
        dataSource={rows}
        scroll={{ y: 420 }}
        columns={[
          { title: '列', width: 56, render: (_, row) => columnLetter(row.column) },
          { title: '文件中的表头', dataIndex: 'header', width: 180, render: (h: string) => h || <Tag>无表头</Tag> },
          {
            title: '示例数据',
            render: (_, row) => (
              <Typography.Text type="secondary" ellipsis style={{ maxWidth: 320 }}>
                {row.samples.slice(0, 3).join('；') || '（空）'}
              </Typography.Text>
            ),
          },
          {
            title: '对应字段',
            width: 240,
            render: (_, row) => (
              <Select
                aria-label={`第 ${columnLetter(row.column)} 列对应字段`}
                style={{ width: 220 }}
                showSearch={{ optionFilterProp: 'label' }}
                value={mapping[row.column] ?? ''}
                onChange={(value: string) => setColumn(row.column, value === '' ? null : value)}
                options={[
                  { value: '', label: '（不导入）' },
                  ...fields.map((f) => ({
                    value: f.key,
                    label: f.required ? `${f.label}（必填）` : f.label,
                    disabled: used.has(f.key) && mapping[row.column] !== f.key,
                  })),
                ]}
              />
            ),
          },
        ]}
      />
      <Space>
        <Button onClick={props.onBack}>重新选择文件</Button>
        <Button type="primary" disabled={missing.length > 0} loading={props.busy} onClick={props.onNext}>
          下一步：预览
        </Button>
      </Space>
    </Space>
  )
}
