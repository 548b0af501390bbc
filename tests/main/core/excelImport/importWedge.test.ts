import { createDeflateRaw, crc32, deflateRawSync } from 'node:zlib'
import { afterEach, describe, expect, it } from 'vitest'
import { openCore, type Core } from '../../../../src/main/core/openCore'
import { Store } from '../../../../src/main/core/store'
import { tempDir } from '../../../helpers/tempDir'
import { xlsxBase64 } from './importTestKit'

/**
 * No single import call can wedge the store: odd base64 and files that are not
 * zips are refused at once, a zip bomb is refused by size before it is inflated,
 * and a read that never ends cannot hold a restore or a shutdown for ever.
 */

const cores: Core[] = []
afterEach(async () => {
  for (const core of cores.splice(0)) await core.close()
})

async function core(): Promise<Core> {
  const opened = await openCore(tempDir('wedge'))
  cores.push(opened)
  return opened
}

/** Fails the test instead of hanging it. */
function within<T>(ms: number, work: Promise<T>): Promise<T> {
  return Promise.race([
    work,
    new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms)),
  ])
}

interface ZipPart {
  name: string
  data: Buffer
  /** Deflated bytes when not made from `data` (a bomb's). */
  deflated?: Buffer
  /** What the directory says the part unpacks to (a liar's). */
  declaredSize?: number
}

/** A zip written by hand, so sizes can be declared as a crafted file would. */
function zip(parts: ZipPart[]): Buffer {
  const locals: Buffer[] = []
  const central: Buffer[] = []
  let offset = 0
  for (const part of parts) {
    const name = Buffer.from(part.name)
    const body = part.deflated ?? deflateRawSync(part.data)
    const size = part.declaredSize ?? part.data.length
    const header = Buffer.alloc(30)
    header.writeUInt32LE(0x04034b50, 0)
    header.writeUInt16LE(20, 4)
    header.writeUInt16LE(8, 8)
    header.writeUInt32LE(crc32(part.data), 14)
    header.writeUInt32LE(body.length, 18)
    header.writeUInt32LE(size, 22)
    header.writeUInt16LE(name.length, 26)
    locals.push(header, name, body)
    const entry = Buffer.alloc(46)
    entry.writeUInt32LE(0x02014b50, 0)
    entry.writeUInt16LE(20, 4)
    entry.writeUInt16LE(20, 6)
    entry.writeUInt16LE(8, 10)
    entry.writeUInt32LE(crc32(part.data), 16)
    entry.writeUInt32LE(body.length, 20)
    entry.writeUInt32LE(size, 24)
    entry.writeUInt16LE(name.length, 28)
    entry.writeUInt32LE(offset, 42)
    central.push(entry, name)
    offset += header.length + name.length + body.length
  }
  const directory = Buffer.concat(central)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(parts.length, 8)
  end.writeUInt16LE(parts.length, 10)
  end.writeUInt32LE(directory.length, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...locals, directory, end])
}

/** `bytes` zeros, deflated as a stream (1 GiB of zeros is about 1 MB deflated). */
async function deflatedZeros(bytes: number): Promise<Buffer> {
  const deflate = createDeflateRaw({ level: 9 })
  const out: Buffer[] = []
  deflate.on('data', (chunk: Buffer) => out.push(chunk))
  const done = new Promise((resolve) => deflate.on('end', resolve))
  const chunk = Buffer.alloc(16 * 1024 * 1024)
  for (let left = bytes; left > 0; left -= chunk.length) {
    const piece = left >= chunk.length ? chunk : chunk.subarray(0, left)
    if (!deflate.write(piece)) await new Promise((resolve) => deflate.once('drain', resolve))
  }
  deflate.end()
  await done
  return Buffer.concat(out)
}

const minimalWorkbook = [
  { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
  {
    name: '_rels/.rels',
    data: Buffer.from(
      '<Relationships><Relationship Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    ),
  },
]

async function open(target: Core, fileName: string, base64: string) {
  return within(20_000, target.dispatch('import.open', { kind: 'customers', fileName, base64 }))
}

describe('import.open refuses what would wedge it', () => {
  it('refuses base64 that decodes to nothing or is not base64', async () => {
    const target = await core()
    for (const base64 of ['====', '客户', 'AAAA AAAA', 'QUJD\nREVG']) {
      const result = await open(target, '客户.xlsx', base64)
      expect(result.ok).toBe(false)
      if (!result.ok) expect(result.error.code).toBe('VALIDATION')
    }
  })

  it('refuses a file that is not a zip at once, in Chinese, and the store stays free', async () => {
    const target = await core()
    for (const bytes of [
      Buffer.from([0, 0, 0]),
      Buffer.from('PK\u0003\u0004 truncated'),
      Buffer.from('name,phone\n'),
    ]) {
      const result = await open(target, '客户.xlsx', bytes.toString('base64'))
      expect(result.ok).toBe(false)
      if (!result.ok) expect(result.error.message).toContain('不是有效的 .xlsx 文件')
    }
    // A restore (which waits for every read in flight) still answers at once.
    const backup = await within(10_000, target.dispatch('backups.create', {}))
    expect(backup.ok).toBe(true)
  })

  it('refuses a zip bomb declaring 1 GiB before inflating anything', async () => {
    const target = await core()
    const bomb = zip([
      ...minimalWorkbook,
      {
        name: 'xl/workbook.xml',
        data: Buffer.alloc(0),
        deflated: await deflatedZeros(1024 ** 3),
        declaredSize: 1024 ** 3,
      },
    ])
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024)
    const before = process.memoryUsage().rss
    const started = Date.now()
    const result = await open(target, '炸弹.xlsx', bomb.toString('base64'))
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.error.message).toContain('文件解压后超过')
    expect(Date.now() - started).toBeLessThan(3000)
    expect(process.memoryUsage().rss - before).toBeLessThan(200 * 1024 * 1024)
  }, 60_000)

  it('stops a part that inflates past its declared size, in the fast reader and before exceljs', async () => {
    const target = await core()
    const lying = { deflated: await deflatedZeros(64 * 1024 * 1024), data: Buffer.alloc(0), declaredSize: 1000 }
    // The fast reader asks for the workbook part and finds it lying.
    const fast = zip([...minimalWorkbook, { name: 'xl/workbook.xml', ...lying }])
    // No workbook: the fast reader gives up and exceljs would read every part, so the sizes are checked first.
    const fallback = zip([...minimalWorkbook, { name: 'xl/media/big.bin', ...lying }])
    for (const file of [fast, fallback]) {
      const result = await open(target, '炸弹.xlsx', file.toString('base64'))
      expect(result.ok).toBe(false)
      if (!result.ok) expect(result.error.message).toContain('文件解压后超过')
    }
  }, 60_000)

  it('still opens an ordinary workbook', async () => {
    const target = await core()
    const base64 = await xlsxBase64((sheet) => {
      sheet.addRow(['客户名称', '手机'])
      sheet.addRow(['广州人易科技有限公司', '13800138000'])
    })
    const result = await open(target, '客户.xlsx', base64)
    expect(result.ok).toBe(true)
    if (result.ok) expect((result.value as { rowCount: number }).rowCount).toBe(1)
  })
})

describe('a read that never ends', () => {
  it('holds neither exclusive work nor close past the store’s wait', async () => {
    const target = await core()
    const store = new Store(target.store.dataSource, target.store.databasePath, { readWaitMs: 300 })
    void store.read(() => new Promise(() => undefined))
    const started = Date.now()
    expect(
      await within(
        5000,
        store.exclusive(async () => 'ran'),
      ),
    ).toBe('ran')
    expect(Date.now() - started).toBeGreaterThanOrEqual(250)
    // The core closes the shared connection; this second Store only proves close does not wait for ever either.
    await within(5000, store.close())
    cores.splice(0)
  })
})
