import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import ExcelJS from 'exceljs'
import type { BenchCase, BenchContext } from '../benchCase'

const fileName = 'import-customers.xlsx'
const rowsFor = (ctx: BenchContext) => (ctx.scale === 'full' ? 50_000 : 2_000)
const filePath = (ctx: BenchContext) => join(ctx.workDir, fileName)
let baselineRun = 0

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
 * exceljs parsing the same file plus a raw multi-row INSERT of the same customers
 * and contacts in one transaction. Duplicates are imported anyway, so every run
 * writes all rows.
 */
export const excelImportCases: BenchCase[] = [
  {
    name: '导入客户 xlsx（含联系人，完整数据 50000 行）',
    setup: writeFile,
    runs: 3,
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
      const run = ++baselineRun
      const [last] = (await ctx.raw.all(`SELECT COALESCE(MAX(id), 0) AS id FROM customer`)) as { id: number }[]
      const firstId = (last?.id ?? 0) + 1
      await ctx.raw.exec('BEGIN')
      try {
        const customerColumns =
          'id, code, kind, name, name_norm, pinyin, pinyin_initials, phone, registered_at, birth_calendar, contact_names, search_text, completeness, transaction_count, transaction_amount, created_at, updated_at'
        const contactColumns = 'customer_id, sort_order, name, mobile, is_key'
        for (let start = 0; start < rows.length; start += 500) {
          const slice = rows.slice(start, start + 500)
          const customers: unknown[] = []
          const contacts: unknown[] = []
          slice.forEach((cells, index) => {
            const id = firstId + start + index
            const [name, contact, mobile, phone] = cells.map((c) => (c === undefined ? null : c))
            customers.push(id, `BL-${run}-${id}`, 'enterprise', name, name, '', '', phone, '2024-01-05', 'solar')
            customers.push(contact, String(name), 10, 0, 0, '2024-01-05 00:00:00', '2024-01-05 00:00:00')
            contacts.push(id, 0, contact, String(mobile), 0)
          })
          await ctx.raw.all(
            `INSERT INTO customer (${customerColumns}) VALUES ${slice.map(() => `(${Array(17).fill('?').join(', ')})`).join(', ')}`,
            customers,
          )
          await ctx.raw.all(
            `INSERT INTO contact (${contactColumns}) VALUES ${slice.map(() => '(?, ?, ?, ?, ?)').join(', ')}`,
            contacts,
          )
        }
        await ctx.raw.exec('COMMIT')
      } catch (error) {
        await ctx.raw.exec('ROLLBACK')
        throw error
      }
    },
  },
]
