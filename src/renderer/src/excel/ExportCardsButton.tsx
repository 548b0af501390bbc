import { FileExcelOutlined } from '@ant-design/icons'
import { App, Button } from 'antd'
import { useState } from 'react'
import { exportExcel } from './exportExcel'

/** 导出登记卡 of one customer: its 客户信息登记卡 as a print-ready .xlsx. */
export function ExportCardsButton({ customerId }: { customerId: number }): React.JSX.Element {
  const { message } = App.useApp()
  const [busy, setBusy] = useState(false)
  return (
    <Button
      icon={<FileExcelOutlined />}
      loading={busy}
      onClick={async () => {
        setBusy(true)
        await exportExcel(message, '登记卡', { kind: 'customerCards', ids: [customerId] })
        setBusy(false)
      }}
    >
      导出登记卡
    </Button>
  )
}
