import { Button, Space } from 'antd'

/** The loading message of a running export: how far it got, and 取消. */
export function ExportProgressNotice(props: {
  what: string
  done: number
  total: number | null
  unit: string
  cancelling: boolean
  onCancel: () => void
}): React.JSX.Element {
  const { what, done, total, unit, cancelling } = props
  const n = (value: number) => value.toLocaleString('zh-CN')
  const counted = total === null ? `已导出 ${n(done)} ${unit}` : `已导出 ${n(done)} / ${n(total)} ${unit}`
  return (
    <Space size={12}>
      <span>
        {/* A space before a leading number, as the app writes 共 2,000 个客户. */}
        正在导出{/^\d/.test(what) ? ` ${what}` : what}…{done > 0 || total !== null ? ` ${counted}` : ''}
      </span>
      <Button size="small" disabled={cancelling} onClick={props.onCancel}>
        {cancelling ? '正在取消…' : '取消'}
      </Button>
    </Space>
  )
}
