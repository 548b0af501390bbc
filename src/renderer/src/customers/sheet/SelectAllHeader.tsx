import { DownOutlined } from '@ant-design/icons'
import { Checkbox, Dropdown } from 'antd'
import { useState } from 'react'
import { useSheetStatus } from './SheetStatus'

/**
 * The header of the selection column: AG Grid's own select-all checkbox does not work with
 * the infinite row model (most rows are not loaded), so this one selects the loaded rows
 * (本页) or, from its menu, every customer that matches — which the batch actions then
 * fetch by the same search and filters.
 */
export function SelectAllHeader(): React.JSX.Element | null {
  const status = useSheetStatus()
  const [menuOpen, setMenuOpen] = useState(false)
  if (!status) return null
  const { total, selectedRows, allMatching } = status
  const loaded = menuOpen ? status.loadedRows() : 0
  const any = allMatching || selectedRows > 0
  const full = allMatching || (total !== null && total > 0 && selectedRows >= total)
  return (
    <div style={{ display: 'flex', alignItems: 'center', gap: 2 }}>
      <Checkbox
        aria-label={any ? '取消选择' : '选择本页'}
        checked={full || (any && selectedRows >= status.loadedRows())}
        indeterminate={any && !full && selectedRows < status.loadedRows()}
        disabled={!total}
        onChange={() => (any ? status.clearSelection() : status.selectLoaded())}
      />
      <Dropdown
        trigger={['click']}
        disabled={!total}
        onOpenChange={setMenuOpen}
        menu={{
          items: [
            { key: 'page', label: `选择本页（${loaded.toLocaleString('zh-CN')} 个）` },
            {
              key: 'all',
              label: `选择全部 ${(total ?? 0).toLocaleString('zh-CN')} 个符合条件的客户`,
            },
            { key: 'none', label: '取消选择', disabled: !any },
          ],
          onClick: ({ key }) => {
            if (key === 'page') status.selectLoaded()
            else if (key === 'all') status.selectAllMatching()
            else status.clearSelection()
          },
        }}
      >
        <button type="button" className="kq-select-all-menu" aria-label="选择范围">
          <DownOutlined />
        </button>
      </Dropdown>
    </div>
  )
}
