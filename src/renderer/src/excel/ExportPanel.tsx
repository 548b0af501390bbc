import { FileExcelOutlined } from '@ant-design/icons'
import { App, Button, Card, DatePicker, Space, Typography } from 'antd'
import type { Dayjs } from 'dayjs'
import { useState } from 'react'
import { customerSheetColumnKeys } from '../../../shared/excelExportColumns'
import { exportExcel } from './exportExcel'

type Range = [Dayjs | null, Dayjs | null] | null

const bounds = (range: Range): { dateFrom: string | null; dateTo: string | null } => ({
  dateFrom: range?.[0]?.format('YYYY-MM-DD') ?? null,
  dateTo: range?.[1]?.format('YYYY-MM-DD') ?? null,
})

/** One export: what it holds, and its button. */
function ExportRow(props: {
  title: string
  description: string
  children?: React.ReactNode
  run: () => Promise<unknown>
}): React.JSX.Element {
  const [busy, setBusy] = useState(false)
  return (
    <Card size="small" title={props.title} style={{ maxWidth: 760 }}>
      <Space orientation="vertical" size={10} style={{ width: '100%' }}>
        <Typography.Text type="secondary">{props.description}</Typography.Text>
        <Space wrap>
          {props.children}
          <Button
            type="primary"
            icon={<FileExcelOutlined />}
            loading={busy}
            onClick={async () => {
              setBusy(true)
              await props.run()
              setBusy(false)
            }}
          >
            导出
          </Button>
        </Space>
      </Space>
    </Card>
  )
}

/** 数据 → 导出: the whole-database exports; the view and card exports live where their data is shown. */
export function ExportPanel(): React.JSX.Element {
  const { message } = App.useApp()
  const [interactionRange, setInteractionRange] = useState<Range>(null)
  const [saleRange, setSaleRange] = useState<Range>(null)
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <ExportRow
        title="全部客户"
        description="所有客户（不含回收站）的全部字段，每个客户一行，按名称排序。要按筛选或只导出部分列，请在客户列表中点击“导出Excel”。"
        run={() =>
          exportExcel(message, '全部客户', {
            kind: 'customerSheet',
            columns: customerSheetColumnKeys.map((key) => ({ key })),
            sort: [],
          })
        }
      />
      <ExportRow
        title="交往记录"
        description="所有客户的交往记录，最新的在前；可选日期范围，不选则导出全部。"
        run={() => exportExcel(message, '交往记录', { kind: 'interactions', ...bounds(interactionRange) })}
      >
        <DatePicker.RangePicker
          aria-label="交往记录日期范围"
          placeholder={['开始日期', '结束日期']}
          onChange={(range) => setInteractionRange(range)}
        />
      </ExportRow>
      <ExportRow
        title="交易记录"
        description="所有客户的交易记录（日期、产品、数量、单价、金额），最新的在前；可选日期范围。"
        run={() => exportExcel(message, '交易记录', { kind: 'sales', ...bounds(saleRange) })}
      >
        <DatePicker.RangePicker
          aria-label="交易记录日期范围"
          placeholder={['开始日期', '结束日期']}
          onChange={(range) => setSaleRange(range)}
        />
      </ExportRow>
      <Card size="small" title="客户信息登记卡" style={{ maxWidth: 760 }}>
        <Typography.Text type="secondary">
          在客户页面点击“导出登记卡”导出一位客户；或在客户列表中勾选客户，选择“批量操作 →
          导出登记卡”，每位客户一个工作表，可直接按 A4 纸打印。
        </Typography.Text>
      </Card>
    </Space>
  )
}
