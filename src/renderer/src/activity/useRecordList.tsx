import { App } from 'antd'
import type { ColumnType } from 'antd/es/table'
import { useState, type ReactNode } from 'react'
import type { Channel, ChannelInput, ChannelOutput } from '../../../shared/contract'
import { call, errorMessage } from '../api/client'
import { useQuery } from '../api/useQuery'
import { useLiveRefresh } from '../api/liveUpdates'
import { RowActions } from './RowActions'

/** A record of the contract: a prefix with a paged `.list` and a `.delete` (交易, 项目, 竞争对手, 意见 …). */
export type ListedPrefix = {
  [C in Channel]: C extends `${infer P}.list` ? (`${P}.delete` extends Channel ? P : never) : never
}[Channel]

type ListChannel<P extends ListedPrefix> = Extract<Channel, `${P}.list`>

/** A row of the record's list, as the contract's schema gives it. */
export type RecordRow<P extends ListedPrefix> =
  ChannelOutput<ListChannel<P>> extends { rows: (infer Row)[] } ? Row : never

/** The list's filters: its input without the page bounds, which the hook keeps. */
export type RecordListInput<P extends ListedPrefix> = Omit<ChannelInput<ListChannel<P>>, 'startRow' | 'endRow'>

export interface RecordListOptions<Row> {
  /** The record as the row's buttons name it: 交易记录, 项目 … */
  what: string
  confirmTitle: (row: Row) => string
  confirmDescription?: ReactNode
  /** The message after a delete. */
  deleted: (row: Row) => string
  /** After every write (a customer's statistics shown elsewhere follow). */
  onChanged?: () => void
  /** Keeps 操作 at the right edge of a wide table. */
  fixedActions?: boolean
}

const pageSize = 20

/**
 * What every record list does the same way: one page of its `.list`, the form's
 * open/closed state, 删除 with its message, and the 操作 column; the table gives
 * only its own columns and texts.
 */
export function useRecordList<P extends ListedPrefix>(
  prefix: P,
  input: RecordListInput<P>,
  options: RecordListOptions<RecordRow<P>>,
) {
  type Row = RecordRow<P>
  const { message } = App.useApp()
  const [page, setPage] = useState(1)
  const [editing, setEditing] = useState<{ record: Row | undefined } | null>(null)
  const query = useQuery(
    `${prefix}.list` as ListChannel<P>,
    {
      ...input,
      startRow: (page - 1) * pageSize,
      endRow: page * pageSize,
    } as ChannelInput<ListChannel<P>>,
  )
  // Another user's records (of this customer, when the list is one customer's) show up without a reload.
  useLiveRefresh(['records'], query.reload, { customerId: (input as { customerId?: number }).customerId })
  const output = query.data as ChannelOutput<ListChannel<P>> | undefined
  const rows = ((output as { rows?: Row[] } | undefined)?.rows ?? []) as Row[]
  const total = (output as { total?: number } | undefined)?.total ?? 0

  const written = (): void => {
    void query.reload()
    options.onChanged?.()
  }

  const remove = async (row: Row): Promise<void> => {
    try {
      await call(`${prefix}.delete` as Channel, { id: (row as { id: number }).id } as never)
      message.success(options.deleted(row))
      // The last row of a page gone: step back so the table does not show an empty page.
      if (rows.length === 1 && page > 1) setPage(page - 1)
      written()
    } catch (failure) {
      message.error(errorMessage(failure))
    }
  }

  const actionsColumn: ColumnType<Row> = {
    title: '操作',
    key: 'actions',
    width: 80,
    ...(options.fixedActions ? { fixed: 'right' as const } : {}),
    render: (_: unknown, row: Row) => (
      <RowActions
        what={options.what}
        confirmTitle={options.confirmTitle(row)}
        confirmDescription={options.confirmDescription}
        onEdit={() => setEditing({ record: row })}
        onDelete={() => remove(row)}
      />
    ),
  }

  return {
    data: output,
    total,
    setPage,
    editing,
    actionsColumn,
    /** The form closed without a write. */
    closeForm: () => setEditing(null),
    /** The form saved: closes it and reloads. */
    saved: () => {
      setEditing(null)
      written()
    },
    /** The props of RecordTable this hook owns. */
    table: {
      onAdd: () => setEditing({ record: undefined }),
      error: query.error,
      onRetry: () => void query.reload(),
      loading: query.loading,
      rows,
      page,
      pageSize,
      total,
      onPage: setPage,
    },
  }
}

/** 客户 as a link, on the lists that show every customer's records (none on the customer's own page). */
export function customerColumn<Row extends { customerId: number; customerName: string }>(
  shown: boolean,
): ColumnType<Row>[] {
  return shown
    ? [
        {
          title: '客户',
          dataIndex: 'customerName',
          render: (v: string, row: Row) => <a href={`#/customers/${row.customerId}`}>{v}</a>,
        },
      ]
    : []
}
