import ExcelJS from 'exceljs'
import type { ChannelInput } from '../../../../src/shared/contract'
import type { ImportKind } from '../../../../src/shared/excelImportFields'
import type { Core } from '../../../../src/main/core/openCore'
import type { ImportOpenOutput, ImportPreview, ImportProgress } from '../../../../src/shared/excelImport'
import { call } from '../../../helpers/testCore'

export async function xlsxBase64(build: (sheet: ExcelJS.Worksheet) => void): Promise<string> {
  const workbook = new ExcelJS.Workbook()
  build(workbook.addWorksheet('客户'))
  return Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64')
}

export function openFile(
  core: Core,
  fileName: string,
  base64: string,
  kind: ImportKind = 'customers',
): Promise<ImportOpenOutput> {
  return call(core, 'import.open', { kind, fileName, base64 })
}

export function preview(core: Core, input: ChannelInput<'import.preview'>): Promise<ImportPreview> {
  return call(core, 'import.preview', input)
}

/** Starts the commit job and waits for its end, polling like the UI does. */
export async function commit(core: Core, input: ChannelInput<'import.commit'>): Promise<ImportProgress> {
  const { jobId } = await call(core, 'import.commit', input)
  return waitForJob(core, jobId)
}

export async function waitForJob(core: Core, jobId: string): Promise<ImportProgress> {
  for (;;) {
    const progress = await call(core, 'import.progress', { jobId })
    if (progress.state !== 'running') return progress
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

/** A GBK encoder made by inverting Node's (full-ICU) GBK decoder: no extra package just for tests. */
let gbkTable: Map<string, number[]> | null = null
export function encodeGbk(text: string): Buffer {
  if (!gbkTable) {
    gbkTable = new Map()
    const decoder = new TextDecoder('gbk')
    for (let lead = 0x81; lead <= 0xfe; lead++) {
      for (let trail = 0x40; trail <= 0xfe; trail++) {
        if (trail === 0x7f) continue
        const char = decoder.decode(Uint8Array.of(lead, trail))
        if (char.length === 1 && char !== '\ufffd' && !gbkTable.has(char)) gbkTable.set(char, [lead, trail])
      }
    }
  }
  const bytes: number[] = []
  for (const char of text) {
    const code = char.charCodeAt(0)
    if (code < 0x80) bytes.push(code)
    else {
      const pair = gbkTable.get(char)
      if (!pair) throw new Error(`not in GBK: ${char}`)
      bytes.push(...pair)
    }
  }
  return Buffer.from(bytes)
}

export async function count(core: Core, table: string): Promise<number> {
  const [row] = await core.store.manager.query(`SELECT COUNT(*) AS n FROM ${table}`)
  return Number(row.n)
}
