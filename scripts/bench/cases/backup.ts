import { rmSync } from 'node:fs'
import { join } from 'node:path'
import type { BackupInfo } from '../../../src/shared/backup'
import type { BenchCase } from '../benchCase'

/**
 * 立即备份 of the whole bench database through its channel (the online backup
 * API, then the copy switched to a self-contained file), against SQLite's own
 * `VACUUM INTO` of the same file on the raw connection. Each copy is deleted
 * again so the runs do not fill the disk.
 */
export const backupCases: BenchCase[] = [
  {
    name: '立即备份（整库在线备份）',
    app: async (ctx) => {
      const info = await ctx.call<BackupInfo>('backups.create', {})
      const { effectiveFolder } = await ctx.call<{ effectiveFolder: string }>('backups.settings.get', {})
      rmSync(join(effectiveFolder, info.name), { force: true })
    },
    baseline: async (ctx) => {
      const copy = join(ctx.workDir, 'vacuum-into.sqlite')
      rmSync(copy, { force: true })
      await ctx.raw.exec(`VACUUM INTO '${copy.replaceAll("'", "''")}'`)
      rmSync(copy, { force: true })
    },
    target: { ratio: 1.5 },
    runs: 3,
  },
]
