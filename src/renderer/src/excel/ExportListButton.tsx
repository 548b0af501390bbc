import { FileExcelOutlined } from '@ant-design/icons'
import { App, Button } from 'antd'
import { useState } from 'react'
import type { ExportJobRequest } from '../../../shared/excelExport'
import { exportExcel } from './exportExcel'

/** 导出Excel for a list (交往记录, 交易记录): every row matching what the list shows. */
export function ExportListButton({
  what,
  disabled,
  request,
}: {
  what: string
  disabled?: boolean
  request: () => ExportJobRequest
}): React.JSX.Element {
  const { message } = App.useApp()
  const [busy, setBusy] = useState(false)
  return (
    <Button
      icon={<FileExcelOutlined />}
      loading={busy}
      disabled={disabled}
      onClick={async () => {
        setBusy(true)
        await exportExcel(message, what, request())
        setBusy(false)
      }}
    >
      导出Excel
    </Button>
  )
}
