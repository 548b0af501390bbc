import { FilterOutlined, PlusOutlined, UndoOutlined } from '@ant-design/icons'
import type {
  ColDef,
  GridApi,
  GridReadyEvent,
  CellKeyDownEvent,
  IDatasource,
  IRowNode,
  RowSelectionOptions,
  SelectionChangedEvent,
  SelectionColumnDef,
} from 'ag-grid-community'
import { AgGridReact } from 'ag-grid-react'
import { App, Badge, Button, Input, Popconfirm, Space, Typography } from 'antd'
import { useCallback, useMemo, useRef, useState } from 'react'
import type { CustomerFilters, CustomerListRow, CustomerOwnerFilter } from '../../../../shared/customerList'
import { OwnerSwitch } from '../../accounts/OwnerSwitch'
import { ownershipColumn, type OwnershipContext } from '../../accounts/ownershipColumn'
import { useCan } from '../../accounts/session'
import { useOwnershipActions } from '../../accounts/useOwnershipActions'
import { navigate } from '../../app/navigate'
import { useFindShortcut } from '../../app/shortcuts'
import { call, errorMessage } from '../../api/client'
import { LoadFailed } from '../../api/LoadFailed'
import { useLiveRefresh } from '../../api/liveUpdates'
import { gridLocale, gridTheme } from '../../grid/agGridSetup'
import { ExportSheetButton } from '../../excel/ExportSheetButton'
import { BatchActions } from './BatchActions'
import { ColumnChooser } from './ColumnChooser'
import { customerColumns } from './customerColumns'
import { activeFilterCount, CustomerFilterPanel } from './CustomerFilterPanel'
import { NoCustomersOverlay } from './NoCustomersOverlay'
import { SavedViews } from './SavedViews'
import { SelectAllHeader } from './SelectAllHeader'
import { SheetStatusContext, type SheetStatus } from './SheetStatus'
import { useColumnState } from './useColumnState'
import './sheet.css'

/** Rows fetched per request; AG Grid's infinite model asks block by block as the user scrolls. */
const blockSize = 100

// Module constants: a new object on each render would make AG Grid re-apply the
// column definitions and drop the user's restored column state.
const defaultColDef: ColDef<CustomerListRow> = {
  sortable: true,
  resizable: true,
  filter: false,
  suppressHeaderMenuButton: true,
}
const rowSelection: RowSelectionOptions<CustomerListRow> = {
  mode: 'multiRow',
  checkboxes: true,
  headerCheckbox: false,
  enableClickSelection: false,
}
const selectionColumnDef: SelectionColumnDef = {
  pinned: 'left',
  width: 58,
  headerComponent: SelectAllHeader,
  suppressHeaderMenuButton: true,
}
const recycleColumns: ColDef<CustomerListRow>[] = [
  { colId: 'deletedAt', field: 'deletedAt', headerName: '删除时间', width: 170, pinned: 'left' },
  ...customerColumns,
]
const accountColumns: ColDef<CustomerListRow>[] = [...customerColumns, ownershipColumn]

/**
 * 客户列表: the AG Grid sheet over `customers.list` (sorting, filtering and paging
 * in SQL), or, with `recycleBin`, the 回收站 with restore and delete-for-good.
 */
export function CustomerSheet({ recycleBin = false }: { recycleBin?: boolean }): React.JSX.Element {
  const { message } = App.useApp()
  const [api, setApi] = useState<GridApi<CustomerListRow>>()
  const [quick, setQuick] = useState('')
  const [searchText, setSearchText] = useState('')
  const [filters, setFilters] = useState<CustomerFilters>(recycleBin ? { deleted: true } : {})
  // Whose customers (accounts on): kept apart from the filter panel, so that 清除筛选 and saved views leave it.
  const [owner, setOwner] = useState<CustomerOwnerFilter>('all')
  const queryFilters = useMemo<CustomerFilters>(
    () => (owner === 'all' || recycleBin ? filters : { ...filters, owner }),
    [filters, owner, recycleBin],
  )
  const canPurge = useCan('purge')
  const [showFilters, setShowFilters] = useState(false)
  const [total, setTotal] = useState<number | null>(null)
  // A block the grid could not load: shown above the grid with 重试, since the grid alone would just stay empty.
  const [failure, setFailure] = useState<{ error: string; retrying: boolean }>()
  const columnState = useColumnState<CustomerListRow>(recycleBin ? 'grid.recycle' : 'grid.customers')
  const searchRef = useRef<HTMLInputElement>(null)
  const searchTimer = useRef<number | undefined>(undefined)

  const datasource = useMemo<IDatasource>(
    () => ({
      getRows: (params) => {
        call('customers.list', {
          startRow: params.startRow,
          endRow: params.endRow,
          sort: params.sortModel.map((s) => ({ colId: s.colId as never, sort: s.sort })),
          quick,
          filters: queryFilters,
        })
          .then(({ rows, total: count }) => {
            setTotal(count)
            setFailure(undefined)
            params.successCallback(rows, count)
          })
          .catch((error: unknown) => {
            params.failCallback()
            setFailure({ error: errorMessage(error), retrying: false })
          })
      },
    }),
    [quick, queryFilters],
  )
  const retryGrid = (): void => {
    if (!failure) return
    setFailure({ ...failure, retrying: true })
    // Failed blocks stay failed in the cache; purging asks for every visible block again.
    api?.purgeInfiniteCache()
  }

  // A selection belongs to the query it was made in: a new query starts with none.
  const [selection, setSelection] = useState<{ source: IDatasource; ids: number[]; all: boolean }>({
    source: datasource,
    ids: [],
    all: false,
  })
  const current = selection.source === datasource ? selection : { source: datasource, ids: [], all: false }
  const selected = current.ids
  const allMatching = current.all

  useFindShortcut(() => searchRef.current)

  const refresh = useCallback(() => {
    api?.deselectAll()
    api?.refreshInfiniteCache()
  }, [api])

  // Another user's change: the blocks on screen are fetched again in place, scroll position and selection kept.
  useLiveRefresh(['customers'], () => api?.refreshInfiniteCache())

  const resolveIds = useCallback(
    async () => (allMatching ? (await call('customers.ids', { quick, filters: queryFilters })).ids : selected),
    [allMatching, quick, queryFilters, selected],
  )
  const ownership = useOwnershipActions(refresh)
  const gridContext = useMemo<OwnershipContext>(() => ({ ownership: ownership.forRows }), [ownership.forRows])
  const onSelection = (action: (ids: number[]) => unknown): void => {
    resolveIds()
      .then(action)
      .catch((error: unknown) => void message.error(errorMessage(error)))
  }
  const selectedCount = allMatching ? (total ?? 0) : selected.length

  const loadedNodes = useCallback((): IRowNode<CustomerListRow>[] => {
    const nodes: IRowNode<CustomerListRow>[] = []
    api?.forEachNode((node) => {
      if (node.data) nodes.push(node)
    })
    return nodes
  }, [api])
  const filterCount = activeFilterCount(filters)
  const narrowed = quick !== '' || filterCount > 0 || (owner !== 'all' && !recycleBin)
  const sheetStatus: SheetStatus = {
    total,
    selectedRows: selected.length,
    allMatching,
    recycleBin,
    narrowed,
    loadedRows: () => loadedNodes().length,
    selectLoaded: () => {
      if (api) api.setNodesSelected({ nodes: loadedNodes(), newValue: true })
    },
    selectAllMatching: () => {
      setSelection({ ...current, all: true })
      // Shown ticked too; the grid reports it as an 'api' change, which keeps the 全部.
      api?.setNodesSelected({ nodes: loadedNodes(), newValue: true })
    },
    clearSelection: () => {
      setSelection({ source: datasource, ids: [], all: false })
      api?.deselectAll()
    },
    clearSearch: () => {
      window.clearTimeout(searchTimer.current)
      setSearchText('')
      setQuick('')
      setFilters(recycleBin ? { deleted: true } : {})
      setOwner('all')
    },
  }
  const openRow = (event: CellKeyDownEvent<CustomerListRow>): void => {
    const key = (event.event as KeyboardEvent | null | undefined)?.key
    // Enter on the checkbox column ticks the row (the grid's own); anywhere else it opens the customer.
    if (key !== 'Enter' || !event.data || event.column.getColId() === 'ag-Grid-SelectionColumn') return
    navigate(`/customers/${event.data.id}`)
  }

  const onGridReady = (event: GridReadyEvent<CustomerListRow>): void => {
    setApi(event.api)
    columnState
      .restore(event.api)
      .catch((error: unknown) => void message.warning(`没有读取到保存的列设置：${errorMessage(error)}`))
  }
  const saveColumns = (): void => {
    if (api) columnState.save(api)
  }

  const binAction = async (channel: 'customers.restore' | 'customers.purge', done: string): Promise<void> => {
    try {
      const { count } = await call(channel, { ids: await resolveIds() })
      message.success(`${done} ${count} 个客户`)
      refresh()
    } catch (error) {
      message.error(errorMessage(error))
    }
  }

  return (
    <SheetStatusContext.Provider value={sheetStatus}>
      <div style={{ display: 'flex', flexDirection: 'column', height: '100%', gap: 10 }}>
        <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
          <Space wrap>
            {!recycleBin && <OwnerSwitch value={owner} onChange={setOwner} />}
            <Input.Search
              ref={(el) => {
                searchRef.current = el?.input ?? null
              }}
              allowClear
              style={{ width: 340 }}
              placeholder="搜索名称、电话、邮箱、联系人、拼音首字母"
              aria-label="快速搜索"
              onSearch={(value) => setQuick(value.trim())}
              value={searchText}
              onChange={(e) => {
                setSearchText(e.target.value)
                const value = e.target.value.trim()
                // Search as you type, once the typing pauses.
                window.clearTimeout(searchTimer.current)
                searchTimer.current = window.setTimeout(() => setQuick(value), 250)
              }}
            />
            <Badge count={filterCount} size="small">
              <Button
                icon={<FilterOutlined />}
                type={showFilters ? 'primary' : 'default'}
                onClick={() => setShowFilters((v) => !v)}
              >
                筛选
              </Button>
            </Badge>
            {/* A fixed box of two short lines: ticking a row changes the words, never the toolbar's layout. */}
            <div className="kq-sheet-status" aria-live="polite">
              <Typography.Text type="secondary">
                {total === null
                  ? failure
                    ? '没有加载出来'
                    : '正在加载…'
                  : `共 ${total.toLocaleString('zh-CN')} 个客户`}
              </Typography.Text>
              <span>
                {selectedCount > 0 && (
                  <Typography.Text type="secondary">已选 {selectedCount.toLocaleString('zh-CN')} 个</Typography.Text>
                )}
                {selected.length > 0 && !allMatching && total !== null && total > selected.length && (
                  <Button type="link" size="small" onClick={sheetStatus.selectAllMatching}>
                    选择全部 {total.toLocaleString('zh-CN')} 个
                  </Button>
                )}
                {allMatching && (
                  <Button type="link" size="small" onClick={sheetStatus.clearSelection}>
                    取消选择
                  </Button>
                )}
              </span>
            </div>
          </Space>
          <Space wrap>
            {recycleBin ? (
              <>
                <Button
                  icon={<UndoOutlined />}
                  disabled={selectedCount === 0}
                  onClick={() => void binAction('customers.restore', '已恢复')}
                >
                  恢复
                </Button>
                {canPurge && (
                  <Popconfirm
                    title={`彻底删除选中的 ${selectedCount} 个客户？`}
                    description="连同联系人一起删除，不能恢复。"
                    okText="彻底删除"
                    okButtonProps={{ danger: true }}
                    cancelText="取消"
                    disabled={selectedCount === 0}
                    onConfirm={() => binAction('customers.purge', '已彻底删除')}
                  >
                    <Button danger disabled={selectedCount === 0}>
                      彻底删除
                    </Button>
                  </Popconfirm>
                )}
              </>
            ) : (
              <>
                <SavedViews
                  current={() => ({ quick, filters, columns: api?.getColumnState() ?? [] })}
                  onApply={(view) => {
                    setSearchText(view.quick)
                    setQuick(view.quick)
                    setFilters(view.filters)
                    if (api) {
                      api.applyColumnState({ state: view.columns, applyOrder: true })
                      saveColumns()
                    }
                  }}
                />
                {/* Shown, disabled, with nothing selected: the toolbar keeps its place when a row is ticked. */}
                {ownership.offered && (
                  <Space.Compact>
                    {/* Only a user standing for a 业务员 can own customers. */}
                    {ownership.myStaffId !== null && (
                      <Button disabled={selectedCount === 0} onClick={() => onSelection(ownership.claim)}>
                        领取
                      </Button>
                    )}
                    {ownership.myStaffId !== null && (
                      <Button disabled={selectedCount === 0} onClick={() => onSelection(ownership.release)}>
                        放回公海
                      </Button>
                    )}
                    {ownership.canTransfer && (
                      <Button disabled={selectedCount === 0} onClick={() => onSelection(ownership.transfer)}>
                        转交…
                      </Button>
                    )}
                  </Space.Compact>
                )}
                <BatchActions resolveIds={resolveIds} count={selectedCount} onDone={refresh} />
                <ExportSheetButton api={api} quick={quick} filters={queryFilters} total={total} />
                <ColumnChooser
                  api={api}
                  onReset={() => {
                    api?.resetColumnState()
                    saveColumns()
                  }}
                />
                <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/customers/new')}>
                  新建客户
                </Button>
              </>
            )}
          </Space>
        </Space>
        {showFilters && (
          <div className="kq-sheet-filters">
            <CustomerFilterPanel
              filters={filters}
              onChange={(next) => setFilters(recycleBin ? { ...next, deleted: true } : next)}
            />
          </div>
        )}
        {failure && (
          <LoadFailed compact what="客户列表" error={failure.error} retrying={failure.retrying} onRetry={retryGrid} />
        )}
        <div style={{ flex: 1, minHeight: 300 }}>
          <AgGridReact<CustomerListRow>
            theme={gridTheme}
            localeText={gridLocale}
            columnDefs={recycleBin ? recycleColumns : ownership.offered ? accountColumns : customerColumns}
            context={gridContext}
            selectionColumnDef={selectionColumnDef}
            defaultColDef={defaultColDef}
            rowModelType="infinite"
            datasource={datasource}
            cacheBlockSize={blockSize}
            maxBlocksInCache={50}
            getRowId={(p) => String(p.data.id)}
            rowSelection={rowSelection}
            tooltipShowDelay={600}
            onGridReady={onGridReady}
            onColumnMoved={(e) => e.finished && saveColumns()}
            onColumnResized={(e) => e.finished && saveColumns()}
            onColumnVisible={saveColumns}
            onColumnPinned={saveColumns}
            onSortChanged={saveColumns}
            onSelectionChanged={(e: SelectionChangedEvent<CustomerListRow>) => {
              const ids = e.api.getSelectedRows().map((r) => r.id)
              // 全部 stays while the sheet itself ticks rows for it; a user's tick or untick makes the selection the rows again.
              const keepAll = e.source.startsWith('api') && ids.length > 0
              setSelection((before) => ({
                source: datasource,
                ids,
                all: keepAll && before.source === datasource && before.all,
              }))
            }}
            onRowDoubleClicked={(e) => {
              if (e.data) navigate(`/customers/${e.data.id}`)
            }}
            onCellKeyDown={openRow}
            noRowsOverlayComponent={NoCustomersOverlay}
          />
        </div>
        {ownership.dialog}
      </div>
    </SheetStatusContext.Provider>
  )
}
