import { spawn } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import sqlite3 from 'sqlite3'
import { describe, expect, it } from 'vitest'
import { databaseFileName } from '../../../../src/main/core/openCore'
import { tempDir } from '../../../helpers/tempDir'

const rowCount = 50_000
const child = resolve(__dirname, 'importChild.ts')

function bigCsv(dir: string): string {
  const lines = ['客户名称,联系人,手机,登记日期']
  for (let i = 1; i <= rowCount; i++)
    lines.push(`压力测试客户${i}有限公司,联系人${i},1${String(3800000000 + i)},2024/1/5`)
  const file = join(dir, 'big.csv')
  writeFileSync(file, lines.join('\r\n'))
  return file
}

/** Runs the child import and SIGKILLs it once `shouldKill` says so for a stdout line; resolves with the last line seen. */
function importAndKill(dataDir: string, file: string, shouldKill: (line: string) => boolean): Promise<string> {
  return new Promise((done, fail) => {
    // Node itself with tsx as a loader: the tsx launcher would run the script in a second process that SIGKILL never reaches.
    const proc = spawn(process.execPath, ['--import', 'tsx', child, dataDir, file], {
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let last = ''
    let buffer = ''
    let stderr = ''
    proc.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    proc.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString()
      const lines = buffer.split('\n')
      buffer = lines.pop() ?? ''
      for (const line of lines) {
        last = line
        if (!proc.killed && shouldKill(line)) proc.kill('SIGKILL')
      }
    })
    proc.on('error', fail)
    proc.on('exit', (code, signal) => {
      if (signal !== 'SIGKILL' && code !== 0) fail(new Error(`child failed (${code}): ${stderr}`))
      else done(last)
    })
  })
}

function inspect(dataDir: string): Promise<{ customers: number; contacts: number; integrity: string }> {
  return new Promise((done, fail) => {
    const db = new sqlite3.Database(join(dataDir, databaseFileName), sqlite3.OPEN_READONLY, (openError) => {
      if (openError) return fail(openError)
      db.get('PRAGMA integrity_check', (e1, integrity: { integrity_check: string }) => {
        db.get(
          'SELECT (SELECT COUNT(*) FROM customer) AS customers, (SELECT COUNT(*) FROM contact) AS contacts',
          (e2, counts: { customers: number; contacts: number }) => {
            db.close()
            if (e1 || e2) return fail(e1 ?? e2)
            done({ ...counts, integrity: integrity.integrity_check })
          },
        )
      })
    })
  })
}

const progressAtLeast = (n: number) => (line: string) => {
  const match = /^progress running (\d+)$/.exec(line)
  return match !== null && Number(match[1]) >= n
}

describe('a 50,000-row import killed with SIGKILL', () => {
  const file = bigCsv(tempDir('import-kill-file'))
  const cases: [string, (line: string) => boolean][] = [
    ['after the first chunk was written', progressAtLeast(1000)],
    ['with most rows written', progressAtLeast(40_000)],
    ['at the moment it reports done, before closing', (line) => line.startsWith('progress done')],
  ]
  it.each(cases)(
    'killed %s: 0 or 50,000 new customers and an intact database',
    async (_label, shouldKill) => {
      const dataDir = tempDir('import-kill')
      const last = await importAndKill(dataDir, file, shouldKill)
      const state = await inspect(dataDir)
      expect(state.integrity).toBe('ok')
      expect([0, rowCount]).toContain(state.customers)
      expect(state.contacts).toBe(state.customers)
      if (last.startsWith('progress done')) expect(state.customers).toBe(rowCount)
    },
    180_000,
  )
})
