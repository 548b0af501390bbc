import { existsSync, rmSync } from 'node:fs'
import { join } from 'node:path'

/**
 * A forgotten 管理员 password (docs/product-rules.md#accounts): whoever can put an
 * empty file of this name into the data folder — that is, whoever already holds
 * the database file itself — may set a new password for one 管理员 at the login
 * screen. The file is removed once used. Nothing else opens that door.
 */
export const recoveryFileName = 'reset-admin-password.txt'

export function recoveryOpen(dataDir: string): boolean {
  return existsSync(join(dataDir, recoveryFileName))
}

export function closeRecovery(dataDir: string): void {
  rmSync(join(dataDir, recoveryFileName), { force: true })
}
