import type { ReactNode } from 'react'
import type { Permission } from '../../../shared/accounts'
import { BackupPanel } from '../backup/BackupPanel'
import { DuplicateMergePanel } from '../customers/merge/DuplicateMergePanel'
import { ExportPanel } from '../excel/ExportPanel'
import { ImportPanel } from '../excel/ImportPanel'

export interface DataTab {
  /** The sub-route, e.g. #/data/import. */
  key: string
  label: string
  render: () => ReactNode
  /** Offered only to a user with this permission (staff accounts). */
  needs?: Permission
}

/** The tabs of the 数据 screen (import, export, backup/restore: docs/product-rules.md#screens), in order. */
export const dataTabs: DataTab[] = [
  { key: 'import', label: '导入', render: () => <ImportPanel />, needs: 'import' },
  { key: 'export', label: '导出', render: () => <ExportPanel /> },
  { key: 'merge', label: '查重合并', render: () => <DuplicateMergePanel /> },
  { key: 'backup', label: '备份与恢复', render: () => <BackupPanel />, needs: 'backups' },
]
