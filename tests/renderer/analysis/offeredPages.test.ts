import { describe, expect, it } from 'vitest'
import { permissions, rolePermissions } from '../../../src/shared/accounts'
import { offeredPages } from '../../../src/renderer/src/analysis/offeredPages'
import type { Channel } from '../../../src/shared/contract'

const pages: { key: string; channel?: Channel }[] = [
  { key: 'sources' },
  { key: 'aging', channel: 'receivables.aging' },
  { key: 'collections', channel: 'receivables.monthly' },
  // A page reading a channel a 业务员 may not call (备份与恢复), to see one left out.
  { key: 'backups', channel: 'backups.list' },
]

describe('offeredPages', () => {
  it('leaves out a page whose channel the role may not call', () => {
    expect(offeredPages(pages, rolePermissions.sales).map((p) => p.key)).toEqual(['sources', 'aging', 'collections'])
    expect(offeredPages(pages, rolePermissions.manager).map((p) => p.key)).toEqual(['sources', 'aging', 'collections'])
    expect(offeredPages(pages, rolePermissions.admin).map((p) => p.key)).toEqual([
      'sources',
      'aging',
      'collections',
      'backups',
    ])
  })

  it('offers everything in single-PC mode and only pages without a channel before a login', () => {
    expect(offeredPages(pages, permissions)).toHaveLength(4)
    expect(offeredPages(pages, []).map((p) => p.key)).toEqual(['sources'])
  })
})
