import { mkdirSync, mkdtempSync } from 'node:fs'
import { join, resolve } from 'node:path'

/** A fresh folder under the repo's ignored .tmp/ (never /tmp, see DEVELOPERS.md). */
export function tempDir(prefix: string): string {
  const root = resolve(__dirname, '../../.tmp/test')
  mkdirSync(root, { recursive: true })
  return mkdtempSync(join(root, `${prefix}-`))
}
