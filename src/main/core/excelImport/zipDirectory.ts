import { AppError } from '../appError'

/** One file of a zip archive as its central directory describes it. */
export interface ZipEntry {
  name: string
  flags: number
  /** 0 stored, 8 deflate; anything else is left to exceljs. */
  method: number
  compressedSize: number
  /** The unpacked size the archive declares; unpacking stops with an error past it. */
  size: number
  localOffset: number
}

/**
 * The most an .xlsx may unpack to, all parts together. A 100,000-customer sheet
 * is about 100 MB of XML; a zip bomb declares (or, lying, reaches) gigabytes.
 */
export const maxUnpackedBytes = 512 * 1024 * 1024

const endOfDirectory = 0x06054b50
const zip64Locator = 0x07064b50
const zip64End = 0x06064b50
const directoryEntry = 0x02014b50
const zip64Extra = 0x0001
const unset32 = 0xffffffff

export const notAnXlsx = '不是有效的 .xlsx 文件（文件为空或已损坏）。请在 Excel/WPS 中打开并另存为 .xlsx 后再导入'

/**
 * Reads the central directory of a zip (ZIP64 included) without unpacking
 * anything, and refuses an archive that declares more than `maxUnpackedBytes`.
 * Throws the Chinese message for a file that is not a zip at all: exceljs would
 * otherwise wait for ever on an empty or truncated stream.
 */
export function readZipDirectory(bytes: Buffer): ZipEntry[] {
  const end = findEndOfDirectory(bytes)
  if (end < 0) throw new AppError('VALIDATION', notAnXlsx)
  let count = bytes.readUInt16LE(end + 10)
  let offset = bytes.readUInt32LE(end + 16)
  if (count === 0xffff || offset === unset32) {
    const located = zip64Directory(bytes, end)
    count = located.count
    offset = located.offset
  }
  const entries: ZipEntry[] = []
  let total = 0
  for (let i = 0; i < count; i++) {
    if (offset + 46 > bytes.length || bytes.readUInt32LE(offset) !== directoryEntry) {
      throw new AppError('VALIDATION', notAnXlsx)
    }
    const nameLength = bytes.readUInt16LE(offset + 28)
    const extraLength = bytes.readUInt16LE(offset + 30)
    const commentLength = bytes.readUInt16LE(offset + 32)
    const entry: ZipEntry = {
      name: bytes.toString('utf8', offset + 46, offset + 46 + nameLength).replace(/\\/g, '/'),
      flags: bytes.readUInt16LE(offset + 8),
      method: bytes.readUInt16LE(offset + 10),
      compressedSize: bytes.readUInt32LE(offset + 20),
      size: bytes.readUInt32LE(offset + 24),
      localOffset: bytes.readUInt32LE(offset + 42),
    }
    const extraStart = offset + 46 + nameLength
    applyZip64Extra(entry, bytes.subarray(extraStart, extraStart + extraLength))
    offset = extraStart + extraLength + commentLength
    total += entry.size
    if (total > maxUnpackedBytes) throw tooLarge()
    entries.push(entry)
  }
  return entries
}

export function tooLarge(): AppError {
  return new AppError(
    'VALIDATION',
    `文件解压后超过 ${maxUnpackedBytes / 1024 / 1024} MB，不像是正常的 Excel 文件，未导入。请检查文件，或分成几个文件导入`,
  )
}

/** ZIP64 keeps the directory's count and offset in a record that a locator before the usual end points to. */
function zip64Directory(bytes: Buffer, end: number): { count: number; offset: number } {
  const locator = end - 20
  if (locator < 0 || bytes.readUInt32LE(locator) !== zip64Locator) throw new AppError('VALIDATION', notAnXlsx)
  const record = Number(bytes.readBigUInt64LE(locator + 8))
  if (record + 56 > bytes.length || bytes.readUInt32LE(record) !== zip64End) throw new AppError('VALIDATION', notAnXlsx)
  return { count: Number(bytes.readBigUInt64LE(record + 32)), offset: Number(bytes.readBigUInt64LE(record + 48)) }
}

/** The 64-bit sizes and offset stand in the extra field, in this order, only for fields set to 0xffffffff. */
function applyZip64Extra(entry: ZipEntry, extra: Buffer): void {
  if (entry.size !== unset32 && entry.compressedSize !== unset32 && entry.localOffset !== unset32) return
  for (let at = 0; at + 4 <= extra.length;) {
    const id = extra.readUInt16LE(at)
    const length = extra.readUInt16LE(at + 2)
    if (id === zip64Extra) {
      let field = at + 4
      const next = (): number => {
        if (field + 8 > at + 4 + length) throw new AppError('VALIDATION', notAnXlsx)
        const value = Number(extra.readBigUInt64LE(field))
        field += 8
        return value
      }
      if (entry.size === unset32) entry.size = next()
      if (entry.compressedSize === unset32) entry.compressedSize = next()
      if (entry.localOffset === unset32) entry.localOffset = next()
      return
    }
    at += 4 + length
  }
  throw new AppError('VALIDATION', notAnXlsx)
}

/** The end-of-directory record sits in the last 22 bytes plus a comment of up to 64 KB. */
function findEndOfDirectory(bytes: Buffer): number {
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
    if (bytes.readUInt32LE(at) === endOfDirectory) return at
  }
  return -1
}
