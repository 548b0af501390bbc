import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import ExcelJS from 'exceljs'
import type { BenchCase, BenchContext } from '../benchCase'

const fileName = 'import-customers.xlsx'
const rowsFor = (ctx: BenchContext) => (ctx.scale === 'full' ? 50_000 : 2_000)
const filePath = (ctx: BenchContext) => join(ctx.workDir, fileName)
let baselineRun = 0

/**
 * What the app's import wrote, read back once after its warm-up run (untimed):
 * the columns it filled and each row's values, its contacts' likewise. The
 * baseline inserts these very rows, so that both sides write the same data
 * (the same pinyin, normalised phones and search text into the same indexes)
 * and the ratio is the app's own work on top of parsing and writing. (Until
 * 2026-12-05 the baseline wrote placeholders: empty pinyin, no normalised
 * phones, so fewer and cheaper index entries, ~0.7 s less than the same rows.)
 */
interface Written {
  customerColumns: string[]
  contactColumns: string[]
  /**
   * Per 500 customers, JSON of their values and their contacts' ([customer, contacts][]):
   * held as one string each, not 50,000 arrays, which stayed in this process's heap
   * (~250 MB) while the app side ran. Parsing them back is the baseline's making of
   * its parameters: ~65 ms of its ~3 s.
   */
  chunks: string[]
}
let written: Written | null = null
const baselineChunk = 500

async function readWritten(ctx: BenchContext, count: number): Promise<Written> {
  const customers = (
    (await ctx.raw.all(`SELECT * FROM customer ORDER BY id DESC LIMIT ?`, [count])) as Record<string, unknown>[]
  ).reverse()
  const firstId = Number(customers[0]?.id)
  const contacts = (await ctx.raw.all(`SELECT * FROM contact WHERE customer_id >= ? ORDER BY id`, [firstId])) as Record<
    string,
    unknown
  >[]
  // The columns some row fills; the keys and the code are the baseline's own.
  const filled = (rows: Record<string, unknown>[], own: string[]) =>
    Object.keys(rows[0] ?? {}).filter((c) => !own.includes(c) && rows.some((r) => r[c] !== null))
  const customerColumns = filled(customers, ['id', 'code'])
  const contactColumns = filled(contacts, ['id', 'customer_id'])
  const byCustomer: unknown[][][] = customers.map(() => [])
  for (const contact of contacts) {
    byCustomer[Number(contact.customer_id) - firstId]?.push(contactColumns.map((c) => contact[c]))
  }
  const chunks: string[] = []
  for (let start = 0; start < customers.length; start += baselineChunk) {
    const rows = customers
      .slice(start, start + baselineChunk)
      .map((r, index) => [customerColumns.map((c) => r[c]), byCustomer[start + index]])
    chunks.push(JSON.stringify(rows))
  }
  return { customerColumns, contactColumns, chunks }
}

async function insertRows(ctx: BenchContext, table: string, columns: string[], values: unknown[]): Promise<void> {
  if (values.length === 0) return
  const tuple = `(${columns.map(() => '?').join(', ')})`
  const tuples = Array(values.length / columns.length).fill(tuple)
  await ctx.raw.all(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${tuples.join(', ')}`, values)
}

/** The office file: one customer per row with a contact, a mobile, a text date and a known 行业. */
async function writeFile(ctx: BenchContext): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: filePath(ctx), useSharedStrings: true })
  const sheet = workbook.addWorksheet('客户')
  sheet.addRow(['客户名称', '联系人', '手机', '电话', '登记日期', '所属行业']).commit()
  for (let i = 1; i <= rowsFor(ctx); i++) {
    const mobile = 13900000000 + i
    sheet
      .addRow([`导入测试客户${i}号有限公司`, `联系人${i}`, mobile, `020-${String(80000000 + i)}`, '2024/1/5', '制造业'])
      .commit()
  }
  sheet.commit()
  await workbook.commit()
}

/** The baseline's reading: exceljs streaming over the same file, cells as values. */
async function parseRows(ctx: BenchContext): Promise<unknown[][]> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(readFileSync(filePath(ctx))), {
    entries: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
  })
  const rows: unknown[][] = []
  for await (const worksheet of reader) {
    for await (const row of worksheet) rows.push((row.values as unknown[]).slice(1))
    break
  }
  return rows.slice(1)
}

/**
 * Import of 50,000 customers with their contacts (issue 7): the whole path — read
 * the .xlsx, map, clean, check duplicates, plan, write in one transaction — against
 * exceljs parsing the same file plus a raw multi-row INSERT of the rows the app
 * wrote (Written) in one transaction. Duplicates are imported anyway, so every run
 * writes all rows; five runs, as one import's time varies by ±10 % here.
 */
export const excelImportCases: BenchCase[] = [
  {
    name: '导入客户 xlsx（含联系人，完整数据 50000 行）',
    setup: writeFile,
    runs: 5,
    target: { ratio: 1.5 },
    memoryAlone: true,
    app: async (ctx) => {
      const opened = await ctx.call<{ sessionId: string; mapping: (string | null)[] }>('import.open', {
        kind: 'customers',
        fileName,
        base64: readFileSync(filePath(ctx)).toString('base64'),
      })
      const { jobId } = await ctx.call<{ jobId: string }>('import.commit', {
        sessionId: opened.sessionId,
        mapping: opened.mapping,
        duplicateDefault: 'import',
      })
      for (;;) {
        const progress = await ctx.call<{ state: string; message: string | null }>('import.progress', { jobId })
        if (progress.state === 'done') return progress
        if (progress.state !== 'running') throw new Error(progress.message ?? progress.state)
        await new Promise((resolve) => setTimeout(resolve, 20))
      }
    },
    baseline: async (ctx) => {
      const rows = await parseRows(ctx)
      written ??= await readWritten(ctx, rows.length)
      if (rows.length !== rowsFor(ctx) || written.chunks.length !== Math.ceil(rows.length / baselineChunk))
        throw new Error('基准读到的行数与应用写入的不同')
      const run = ++baselineRun
      const [last] = (await ctx.raw.all(`SELECT COALESCE(MAX(id), 0) AS id FROM customer`)) as { id: number }[]
      const firstId = (last?.id ?? 0) + 1
      const { customerColumns, contactColumns, chunks } = written
      await ctx.raw.exec('BEGIN')
      try {
        for (const [index, chunk] of chunks.entries()) {
          const customers: unknown[] = []
          const contacts: unknown[] = []
          for (const [offset, [values, theirs]] of (JSON.parse(chunk) as [unknown[], unknown[][]][]).entries()) {
            const id = firstId + index * baselineChunk + offset
            customers.push(id, `BL-${run}-${id}`, ...values)
            for (const contact of theirs) contacts.push(id, ...contact)
          }
          await insertRows(ctx, 'customer', ['id', 'code', ...customerColumns], customers)
          await insertRows(ctx, 'contact', ['customer_id', ...contactColumns], contacts)
        }
        await ctx.raw.exec('COMMIT')
      } catch (error) {
        await ctx.raw.exec('ROLLBACK')
        throw error
      }
    },
  },
]
