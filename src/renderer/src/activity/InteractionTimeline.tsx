import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons'
import { App, Button, Empty, Popconfirm, Space, Spin, Tag, Timeline, Tooltip, Typography } from 'antd'
import { useCallback, useEffect, useRef, useState } from 'react'
import type { Contact } from '../../../shared/contact'
import type { Interaction } from '../../../shared/interaction'
import { call, errorMessage } from '../api/client'
import { LoadFailed } from '../api/LoadFailed'
import { useLiveRefresh } from '../api/liveUpdates'
import { today } from '../customers/card/cardValues'
import './activity.css'
import { InteractionForm } from './InteractionForm'
import { ExportListButton } from '../excel/ExportListButton'

const pageSize = 20
/** interactions.list returns at most this many rows at once. */
const maxRows = 500

/** 交往记录 of one customer (客户追踪志), newest first, with 登记 / 修改 / 删除. */
export function InteractionTimeline(props: {
  customerId: number
  contacts: Contact[]
  onChanged: () => void
}): React.JSX.Element {
  const { customerId, contacts, onChanged } = props
  const { message } = App.useApp()
  const [rows, setRows] = useState<Interaction[]>([])
  const [total, setTotal] = useState(0)
  const [loading, setLoading] = useState(true)
  const [error, setError] = useState<string>()
  const [editing, setEditing] = useState<{ record: Interaction | undefined } | null>(null)
  const ticket = useRef(0)

  /** Loads rows [startRow, endRow); `append` adds them below the ones shown. State changes only once they arrive. */
  const load = useCallback(
    (startRow: number, endRow: number, append: boolean): Promise<void> => {
      const mine = ++ticket.current
      return call('interactions.list', { customerId, startRow, endRow }).then(
        (page) => {
          if (mine !== ticket.current) return
          setRows((shown) => (append ? [...shown, ...page.rows] : page.rows))
          setTotal(page.total)
          setError(undefined)
          setLoading(false)
        },
        (failure: unknown) => {
          if (mine !== ticket.current) return
          setError(errorMessage(failure))
          setLoading(false)
        },
      )
    },
    [customerId],
  )

  useEffect(() => {
    void load(0, pageSize, false)
  }, [load])

  /** After a write: the same number of rows again, from the top. */
  const refresh = (): Promise<void> => {
    setLoading(true)
    return load(0, Math.min(Math.max(rows.length, pageSize), maxRows), false)
  }

  // Another user's 交往记录 of this customer: the rows shown are loaded again, an open form left as it is.
  useLiveRefresh(['records'], refresh, { customerId })

  const loadMore = (): void => {
    setLoading(true)
    void load(rows.length, rows.length + pageSize, true)
  }

  const written = (): void => {
    void refresh()
    onChanged()
  }

  const remove = async (record: Interaction): Promise<void> => {
    try {
      await call('interactions.delete', { id: record.id })
      message.success('已删除交往记录')
      written()
    } catch (failure) {
      message.error(errorMessage(failure))
    }
  }

  const now = today()
  return (
    <div className="kq-activity">
      <div className="kq-activity-toolbar">
        <Typography.Text type="secondary">共 {total} 条交往记录</Typography.Text>
        <Space>
          <ExportListButton
            what="交往记录"
            disabled={total === 0}
            request={() => ({ kind: 'interactions', customerId: props.customerId })}
          />
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ record: undefined })}>
            登记交往
          </Button>
        </Space>
      </div>
      {error !== undefined && (
        // Rows already shown stay; the strip says the rest (or the refresh) did not load.
        <LoadFailed error={error} retrying={loading} onRetry={() => void refresh()} compact={rows.length > 0} />
      )}
      {rows.length === 0 ? (
        error !== undefined ? null : loading ? (
          <Spin style={{ display: 'block', margin: '24px auto' }} />
        ) : (
          <Empty description="尚无交往记录" />
        )
      ) : (
        <Timeline
          items={rows.map((r) => ({
            key: r.id,
            content: (
              <InteractionItem record={r} today={now} onEdit={() => setEditing({ record: r })} onDelete={remove} />
            ),
          }))}
        />
      )}
      {rows.length > 0 && rows.length < total && (
        <div style={{ textAlign: 'center' }}>
          <Button loading={loading} onClick={loadMore}>
            加载更多（还有 {total - rows.length} 条）
          </Button>
        </div>
      )}
      <InteractionForm
        open={editing !== null}
        customerId={customerId}
        contacts={contacts}
        record={editing?.record}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null)
          written()
        }}
      />
    </div>
  )
}

function InteractionItem(props: {
  record: Interaction
  today: string
  onEdit: () => void
  onDelete: (record: Interaction) => Promise<void>
}): React.JSX.Element {
  const { record: r, today: now, onEdit, onDelete } = props
  const due = r.nextFollowUp !== null && r.nextFollowUp <= now
  return (
    <div className="kq-interaction" data-testid="interaction-item">
      <div className="kq-interaction-head">
        <Space size={8} wrap>
          <Typography.Text type="secondary">{r.occurredAt}</Typography.Text>
          <Tag color="blue">{r.typeLabel}</Tag>
          {r.subject && <Typography.Text strong>{r.subject}</Typography.Text>}
        </Space>
        <Space size={0}>
          <Tooltip title="修改">
            <Button size="small" type="text" icon={<EditOutlined />} aria-label="修改交往记录" onClick={onEdit} />
          </Tooltip>
          <Popconfirm
            title="删除这条交往记录？"
            okText="删除"
            cancelText="取消"
            okButtonProps={{ danger: true }}
            onConfirm={() => onDelete(r)}
          >
            <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label="删除交往记录" />
          </Popconfirm>
        </Space>
      </div>
      {r.content && <div className="kq-interaction-text">{r.content}</div>}
      {r.result && (
        <div className="kq-interaction-text">
          <span className="kq-card-muted">结果：</span>
          {r.result}
        </div>
      )}
      <Space size={16} wrap className="kq-interaction-meta">
        {r.nextFollowUp && (
          <span>
            <span className="kq-card-muted">下次跟进：</span>
            {r.nextFollowUp}
            {due && (
              <Tag color="red" style={{ marginLeft: 6 }}>
                已到期
              </Tag>
            )}
          </span>
        )}
        {r.contactName && (
          <span>
            <span className="kq-card-muted">联系人：</span>
            {r.contactName}
          </span>
        )}
        {r.staffLabel && (
          <span>
            <span className="kq-card-muted">业务员：</span>
            {r.staffLabel}
          </span>
        )}
      </Space>
    </div>
  )
}
