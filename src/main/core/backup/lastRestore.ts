import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { z } from 'zod'
import { backupNamePattern } from '../../../shared/backup'

/**
 * The undo copy of the last restore, remembered in the data folder so 撤销恢复
 * survives a restart; cleared once used.
 */
const fileName = 'last-restore.json'
const lastRestoreSchema = z.object({ folder: z.string(), undoName: z.string().regex(backupNamePattern) })
export type LastRestore = z.infer<typeof lastRestoreSchema>

export function readLastRestore(dataDir: string): LastRestore | null {
  const path = join(dataDir, fileName)
  if (!existsSync(path)) return null
  try {
    const parsed = lastRestoreSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')))
    if (!parsed.success || !existsSync(join(parsed.data.folder, parsed.data.undoName))) return null
    return parsed.data
  } catch {
    return null
  }
}

export function writeLastRestore(dataDir: string, value: LastRestore): void {
  writeFileSync(join(dataDir, fileName), JSON.stringify(value))
}

export function clearLastRestore(dataDir: string): void {
  rmSync(join(dataDir, fileName), { force: true })
}
