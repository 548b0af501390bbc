import { Worker } from 'node:worker_threads'
import { afterEach, describe, expect, test, vi } from 'vitest'
import { CustomerRowReaders, type CustomerRowReader } from '../../../../src/main/core/excelImport/customerRowReader'
import type { RowReading } from '../../../../src/main/core/excelImport/readCustomerRow'
import type { SheetRow } from '../../../../src/main/core/excelImport/sheetRow'

/** A file's columns: name, contact, mobile, 行业 (a dictionary), 生日 (lunar allowed), 所在地区, 分组. */
const reading: RowReading = {
  columns: [
    { key: 'name', column: 0, header: '单位名称' },
    { key: 'contact.name', column: 1, header: '联系人' },
    { key: 'contact.mobile', column: 2, header: '手机号' },
    { key: 'industryId', column: 3, header: '行业' },
    { key: 'contact.birthday', column: 4, header: '联系人生日' },
    { key: 'divisions', column: 5, header: '所在地区' },
    { key: 'groups', column: 6, header: '分组' },
    { key: 'email', column: 7, header: '邮箱' },
  ],
  labels: {
    items: new Map([['industry', [{ id: 7, label: '制造业' }]]]),
    choices: [],
    provinceRegions: [{ provinceCode: '110000', provinceName: '北京市', regionId: 3 }],
  },
}

/** Good rows, rows with problems, a new 行业 label in two spellings, lunar birthdays, a place by name. */
function sheetRows(count: number): SheetRow[] {
  return Array.from({ length: count }, (_, i) => ({
    rowNumber: i + 2,
    cells: [
      i % 50 === 7 ? '' : `重庆长江${i}号贸易有限公司`,
      i % 3 === 0 ? '单丽' : `曾伟${i}`,
      i % 40 === 5 ? '1234' : 13800000000 + i,
      i % 4 === 0 ? '制造业' : i % 4 === 1 ? 'ＩＴ服务' : i % 4 === 2 ? 'it服务' : null,
      i % 5 === 0 ? '农历1990-08-15' : i % 5 === 1 ? '1985/2/29' : null,
      i % 6 === 0 ? '北京市朝阳区' : null,
      i % 7 === 0 ? '重点、华北' : null,
      i % 30 === 13 ? 'not-an-email' : null,
    ],
  }))
}

async function readAll(reader: CustomerRowReader, rows: SheetRow[]) {
  const chunks = [reader.read(rows.slice(0, 120)), reader.read(rows.slice(120, 250)), reader.read(rows.slice(250))]
  const read = (await Promise.all(chunks)).flat()
  return { read, unknown: await reader.unknownLabels() }
}

const opened: CustomerRowReader[] = []
afterEach(async () => {
  await Promise.all(opened.splice(0).map((reader) => reader.close()))
  vi.restoreAllMocks()
})

async function open(readers: CustomerRowReaders): Promise<CustomerRowReader> {
  const reader = await readers.open(reading)
  opened.push(reader)
  return reader
}

describe('CustomerRowReaders', () => {
  test('reads rows on a worker thread exactly as on this one: values, problems, keys, pinyin, label tally', async () => {
    const rows = sheetRows(400)
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    const onWorker = await open(new CustomerRowReaders())
    const onMain = await open(new CustomerRowReaders(() => null))
    expect(onWorker.thread).toBe('worker')
    expect(onMain.thread).toBe('main')
    expect(warn).toHaveBeenCalledWith('找不到导入读取线程的脚本，改在主线程读取')

    const fromWorker = await readAll(onWorker, rows)
    const fromMain = await readAll(onMain, rows)
    expect(fromWorker).toEqual(fromMain)

    // What was read, so that the comparison compares something.
    const { read, unknown } = fromWorker
    expect(read.map((r) => r.rowNumber)).toEqual(rows.map((r) => r.rowNumber))
    const first = read[0]
    expect(first?.input?.contacts[0]?.birthday).toEqual({ calendar: 'lunar', date: '1990-08-15' })
    expect(first?.input).toMatchObject({ industryId: 7, provinceCode: '110000', regionId: 3, groups: ['重点', '华北'] })
    expect(first?.keys?.phones).toEqual(['13800000000'])
    expect(first?.pinyin?.name.pinyin).toBe('chongqingchangjiang0haomaoyiyouxiangongsi')
    expect(read[7]?.problems).toEqual([{ column: '单位名称', message: expect.stringContaining('客户名称') }])
    expect(read[5]?.problems.map((p) => p.column)).toEqual(['手机号'])
    expect(read[13]?.problems.map((p) => p.column)).toEqual(['邮箱'])
    expect(read[1]?.problems).toEqual([{ column: '联系人生日', message: expect.any(String) }])
    // ＩＴ服务 (cleaned to IT服务) and it服务 are one new label, created as first written.
    expect(unknown).toEqual([expect.objectContaining({ field: 'industryId', label: 'IT服务', rows: 200 })])
    expect(read[1]?.pending).toEqual([
      { field: 'industryId', key: expect.any(String), category: 'industry', label: 'IT服务' },
    ])
    expect(read[2]?.pending).toEqual(read[1]?.pending)
  })

  test('a worker made ahead, or given back by a reader done with it, is used by the next reader', async () => {
    let started = 0
    const readers = new CustomerRowReaders(() => {
      started++
      return new Worker(`require('tsx/cjs'); require(${JSON.stringify(workerSource)})`, { eval: true })
    })
    readers.prepare()
    readers.prepare()
    const first = await readers.open(reading)
    expect(first.thread).toBe('worker')
    expect(started).toBe(1)
    expect((await first.read(sheetRows(3))).map((r) => r.name)).toEqual([
      '重庆长江0号贸易有限公司',
      '重庆长江1号贸易有限公司',
      '重庆长江2号贸易有限公司',
    ])
    await first.close()
    await expect(first.read(sheetRows(1))).rejects.toThrow('导入读取线程已关闭')

    // The same worker, with the new reading's labels: the first reader's tally is gone.
    const second = await open(readers)
    expect(started).toBe(1)
    await second.read(sheetRows(8).slice(4))
    expect(await second.unknownLabels()).toEqual([expect.objectContaining({ label: 'IT服务', rows: 2 })])

    // A reader closed with a read outstanding ends its worker: the next one starts afresh.
    const pending = second.read(sheetRows(300))
    opened.splice(opened.indexOf(second), 1)
    await second.close()
    await expect(pending).rejects.toThrow(/导入读取线程/)
    await open(readers)
    expect(started).toBe(2)
  })

  test('reads on this thread when the worker does not start, and fails reads when it dies', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    const broken = new CustomerRowReaders(() => new Worker(`throw new Error('无法加载')`, { eval: true }))
    const reader = await open(broken)
    expect(reader.thread).toBe('main')
    expect(warn).toHaveBeenCalledWith('导入读取线程未能启动，改在主线程读取', expect.any(Error))
    expect(await reader.read(sheetRows(2))).toHaveLength(2)

    const dying = await open(new CustomerRowReaders())
    const pending = dying.read(sheetRows(300))
    await dying.close()
    await expect(pending).rejects.toThrow(/导入读取线程/)
    await expect(dying.read(sheetRows(1))).rejects.toThrow(/导入读取线程/)
  })
})

const workerSource = require.resolve('../../../../src/main/core/excelImport/customerRowWorker.ts')
