import { Button, Typography } from 'antd'
import { useSheetStatus } from './SheetStatus'

/** The sheet with no rows: nothing matches the search (one click clears it), or there are no customers yet. */
export function NoCustomersOverlay(): React.JSX.Element {
  const status = useSheetStatus()
  if (status?.narrowed) {
    return (
      <span className="kq-sheet-empty" role="status">
        没有找到匹配的客户（
        <Button type="link" size="small" style={{ padding: 0 }} onClick={status.clearSearch}>
          清除搜索
        </Button>
        ）
      </span>
    )
  }
  return (
    <Typography.Text className="kq-sheet-empty" role="status">
      {status?.recycleBin
        ? '回收站是空的'
        : '还没有客户。点击右上角“新建客户”登记第一位客户，或在“数据 → 导入”中导入。'}
    </Typography.Text>
  )
}
