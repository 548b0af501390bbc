import { SettingOutlined } from '@ant-design/icons'
import type { GridApi } from 'ag-grid-community'
import { Button, Checkbox, Input, Popover, Space } from 'antd'
import { useState } from 'react'
import type { CustomerListRow } from '../../../../shared/customerList'
import { customerColumns } from './customerColumns'

/**
 * A column ticked on goes right after the last visible one and is scrolled to, so it appears
 * where the user is looking rather than somewhere off to the right of the sheet.
 */
function showColumn(api: GridApi<CustomerListRow>, colId: string, visible: boolean): void {
  if (!visible) {
    api.setColumnsVisible([colId], false)
    return
  }
  const order = api.getAllGridColumns()
  const at = order.findIndex((c) => c.getColId() === colId)
  const lastVisible = order.findLastIndex((c) => c.isVisible() && !c.isPinned())
  if (at >= 0 && lastVisible >= 0 && at !== lastVisible + 1) {
    // moveColumns counts the target without the moved column itself.
    api.moveColumns([colId], at < lastVisible ? lastVisible : lastVisible + 1)
  }
  api.setColumnsVisible([colId], true)
  api.ensureColumnVisible(colId, 'end')
  api.flashCells({ columns: [colId] })
}

/**
 * AG Grid's columns panel is an enterprise feature; this is the community
 * stand-in: tick columns on or off (order and width are dragged in the header).
 */
export function ColumnChooser({
  api,
  onReset,
}: {
  api: GridApi<CustomerListRow> | undefined
  onReset: () => void
}): React.JSX.Element {
  const [open, setOpen] = useState(false)
  const [search, setSearch] = useState('')
  const [, refresh] = useState(0)
  const visible = (colId: string): boolean => api?.getColumn(colId)?.isVisible() ?? false
  const columns = customerColumns.filter(
    (c) => c.colId !== 'name' && (!search || (c.headerName ?? '').includes(search.trim())),
  )

  const content = (
    <div style={{ width: 460 }}>
      <Space style={{ marginBottom: 8 }}>
        <Input
          size="small"
          allowClear
          placeholder="查找列"
          aria-label="查找列"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
        <Button size="small" onClick={() => (onReset(), refresh((n) => n + 1))}>
          恢复默认
        </Button>
      </Space>
      <div
        style={{
          display: 'grid',
          gridTemplateColumns: 'repeat(3, 1fr)',
          gap: '4px 8px',
          maxHeight: 380,
          overflow: 'auto',
        }}
      >
        {columns.map((column) => {
          const colId = column.colId ?? ''
          return (
            <Checkbox
              key={colId}
              checked={visible(colId)}
              onChange={(e) => {
                if (api) showColumn(api, colId, e.target.checked)
                refresh((n) => n + 1)
              }}
            >
              {column.headerName}
            </Checkbox>
          )
        })}
      </div>
    </div>
  )
  return (
    <Popover
      content={content}
      title="显示的列"
      trigger="click"
      open={open}
      onOpenChange={setOpen}
      placement="bottomRight"
    >
      <Button icon={<SettingOutlined />}>列设置</Button>
    </Popover>
  )
}
