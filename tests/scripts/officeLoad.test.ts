import { spawn } from 'node:child_process'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { OfficeLoadReport } from '../../scripts/officeLoad'

const root = resolve(__dirname, '../..')

/** The load script's short version, its clients barely pausing: its report is the last line it prints. */
function runSmoke(): Promise<{ code: number | null; report: OfficeLoadReport; stderr: string }> {
  return new Promise((done, fail) => {
    const proc = spawn(
      process.execPath,
      ['--import', 'tsx', 'scripts/officeLoad.ts', '--smoke', '--think-ms', '500', '--json'],
      {
        cwd: root,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    )
    let stdout = ''
    let stderr = ''
    proc.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    proc.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    proc.on('error', fail)
    proc.on('exit', (code) => {
      const last = stdout.trim().split('\n').at(-1) ?? ''
      try {
        done({ code, report: JSON.parse(last) as OfficeLoadReport, stderr })
      } catch {
        fail(new Error(`no report (exit ${code}): ${stderr}`))
      }
    })
  })
}

describe('the office under load, short version', () => {
  it('20 client PCs for 10 s against a host process: no errors, no SQLite busy, every saved record there once', async () => {
    const { code, report, stderr } = await runSmoke()
    expect(report.errorSamples, stderr).toEqual([])
    expect(report.errors).toBe(0)
    expect(report.busy).toEqual({ client: 0, host: 0 })
    expect(report.clients).toBe(20)
    expect(report.interactions.inFile).toBe(report.interactions.told)
    expect(report.interactions.told).toBeGreaterThan(0)
    for (const op of report.ops) {
      expect(op.calls, op.name).toBeGreaterThan(0)
      // Generous: CI machines and this one are shared; the figures worth reading are in the README.
      expect(op.p95, op.name).toBeLessThan(3_000)
    }
    expect(report.hostPeakRssMb).toBeGreaterThan(0)
    expect(report.alone.map((call) => call.name)).toEqual(['客户表首页', '快速搜索「zh」'])
    for (const call of report.alone) expect(call.ratio, call.name).toBeGreaterThan(0)
    expect(code).toBe(0)
  }, 120_000)
})
