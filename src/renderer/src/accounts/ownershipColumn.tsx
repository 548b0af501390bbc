import type { ColDef, ICellRendererParams } from 'ag-grid-community'
import { Button, Space } from 'antd'
import type { CustomerListRow } from '../../../shared/customerList'
import type { RowOwnershipActions } from './useOwnershipActions'

/** The grid's `context` while accounts are on: the row buttons act through the sheet's actions. */
export interface OwnershipContext {
  ownership: RowOwnershipActions
}

function OwnershipButtons({
  data,
  context,
}: ICellRendererParams<CustomerListRow, unknown, OwnershipContext>): React.ReactNode {
  const actions = context?.ownership
  if (!data || !actions) return null
  const mine = actions.myStaffId !== null && data.ownerStaffId === actions.myStaffId
  return (
    <Space size={0}>
      {data.ownerStaffId === null && actions.myStaffId !== null && (
        <Button type="link" size="small" onClick={() => actions.claim([data.id])} aria-label={`领取 ${data.name}`}>
          领取
        </Button>
      )}
      {mine && (
        <Button type="link" size="small" onClick={() => actions.release([data.id])}>
          放回公海
        </Button>
      )}
      {actions.canTransfer && (
        <Button type="link" size="small" onClick={() => actions.transfer([data.id])}>
          转交…
        </Button>
      )}
    </Space>
  )
}

/** 领取 / 放回公海 / 转交… on each row (accounts on); its place and width are not remembered with the others. */
export const ownershipColumn: ColDef<CustomerListRow> = {
  colId: 'ownershipActions',
  headerName: '归属操作',
  pinned: 'right',
  width: 150,
  sortable: false,
  resizable: false,
  suppressMovable: true,
  lockPinned: true,
  cellRenderer: OwnershipButtons,
}
