import { PlusOutlined } from '@ant-design/icons'
import { Button, Space, Table, Typography } from 'antd'
import type { ColumnsType, TableProps } from 'antd/es/table'
import type { ReactNode } from 'react'
import { LoadFailed } from '../api/LoadFailed'

/**
 * The record lists on the customer page and their screens (交易记录, 项目,
 * 竞争对手, 意见): a count and a 登记 button above a paged table (or, when the
 * list did not load, the reason with 重试), and the record's dialog (`children`) below.
 */
export function RecordTable<Row extends { id: number }>(props: {
  /** 共 N 条… */
  count: string
  addLabel: string
  onAdd: () => void
  /** More toolbar buttons, before the 登记 one. */
  tools?: ReactNode
  error: string | undefined
  onRetry: () => void
  loading: boolean
  rows: Row[]
  columns: ColumnsType<Row>
  emptyText: string
  page: number
  pageSize: number
  total: number
  onPage: (page: number) => void
  /** False where long text wraps instead, so 操作 stays in view. */
  scrollX?: boolean
  /** Where the table scrolls, when not simply sideways to its content's width (wins over scrollX). */
  scroll?: TableProps<Row>['scroll']
  onChange?: TableProps<Row>['onChange']
  summary?: TableProps<Row>['summary']
  children?: ReactNode
}): React.JSX.Element {
  const { total, pageSize } = props
  return (
    <div className="kq-activity">
      <div className="kq-activity-toolbar">
        <Typography.Text type="secondary">{props.count}</Typography.Text>
        <Space>
          {props.tools}
          <Button type="primary" icon={<PlusOutlined />} onClick={props.onAdd}>
            {props.addLabel}
          </Button>
        </Space>
      </div>
      {props.error !== undefined ? (
        <LoadFailed error={props.error} retrying={props.loading} onRetry={props.onRetry} />
      ) : (
        <Table<Row>
          rowKey="id"
          size="small"
          bordered
          loading={props.loading}
          dataSource={props.rows}
          columns={props.columns}
          locale={{ emptyText: props.emptyText }}
          scroll={props.scroll ?? (props.scrollX === false ? undefined : { x: 'max-content' })}
          onChange={props.onChange}
          summary={props.summary}
          pagination={
            total > pageSize
              ? { current: props.page, pageSize, total, showSizeChanger: false, onChange: props.onPage }
              : false
          }
        />
      )}
      {props.children}
    </div>
  )
}
