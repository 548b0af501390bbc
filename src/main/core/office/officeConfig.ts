import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { defaultOfficeConfig, officeConfigSchema, type OfficeConfig } from '../../../shared/office'

export const officeConfigFileName = 'office.json'

export function officeConfigPath(dataDir: string): string {
  return join(dataDir, officeConfigFileName)
}

/**
 * How this PC runs (office.json in the data folder). A missing file is 单机; a file
 * that does not read is 单机 too, with the reason, so a damaged file never keeps the
 * app from starting on the user's own data.
 */
export function readOfficeConfig(dataDir: string): { config: OfficeConfig; problem: string | null } {
  const path = officeConfigPath(dataDir)
  if (!existsSync(path)) return { config: defaultOfficeConfig, problem: null }
  let raw: unknown
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'))
  } catch {
    return { config: defaultOfficeConfig, problem: `${officeConfigFileName} 无法读取，已按单机方式运行` }
  }
  const parsed = officeConfigSchema.safeParse(raw)
  if (!parsed.success) {
    return { config: defaultOfficeConfig, problem: `${officeConfigFileName} 内容有误，已按单机方式运行` }
  }
  return { config: parsed.data, problem: null }
}

/** Written beside and renamed over, so a crash leaves the old file or the new one, never half of one. */
export function writeOfficeConfig(dataDir: string, config: OfficeConfig): void {
  const value = officeConfigSchema.parse(config)
  const path = officeConfigPath(dataDir)
  mkdirSync(dirname(path), { recursive: true })
  const temporary = `${path}.${process.pid}.tmp`
  try {
    writeFileSync(temporary, `${JSON.stringify(value, null, 2)}\n`, { flush: true })
    renameSync(temporary, path)
  } finally {
    rmSync(temporary, { force: true })
  }
}
