import { FileExcelOutlined } from '@ant-design/icons'
import type { GridApi } from 'ag-grid-community'
import { App, Button, Tooltip } from 'antd'
import { useState } from 'react'
import type { CustomerFilters, CustomerListRow } from '../../../shared/customerList'
import { exportExcel } from './exportExcel'
import { sheetViewInput } from './sheetView'

/** 导出Excel: the customer sheet as it is shown (columns, order, filters, search, sort), every matching row. */
export function ExportSheetButton({
  api,
  quick,
  filters,
  total,
}: {
  api: GridApi<CustomerListRow> | undefined
  quick: string
  filters: CustomerFilters
  total: number | null
}): React.JSX.Element {
  const { message } = App.useApp()
  const [busy, setBusy] = useState(false)
  return (
    <Tooltip title="按当前显示的列、筛选和排序导出全部符合条件的客户">
      <Button
        icon={<FileExcelOutlined />}
        loading={busy}
        disabled={!api || total === 0}
        onClick={async () => {
          if (!api) return
          setBusy(true)
          const view = sheetViewInput(api.getColumnState(), quick, filters)
          await exportExcel(message, '客户列表', { kind: 'customerSheet', ...view })
          setBusy(false)
        }}
      >
        导出Excel
      </Button>
    </Tooltip>
  )
}
