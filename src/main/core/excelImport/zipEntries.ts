import { inflateRawSync } from 'node:zlib'

const endOfDirectory = 0x06054b50
const directoryEntry = 0x02014b50
const localHeader = 0x04034b50

/**
 * The files of a zip archive (an .xlsx is one), each unpacked when asked for.
 * Null for what this small reader leaves to exceljs: ZIP64, encryption, a
 * compression other than stored/deflate, or a damaged directory.
 */
export function zipEntries(bytes: Buffer): Map<string, () => Buffer> | null {
  const end = findEndOfDirectory(bytes)
  if (end < 0) return null
  const count = bytes.readUInt16LE(end + 10)
  let offset = bytes.readUInt32LE(end + 16)
  if (count === 0xffff || offset === 0xffffffff) return null
  const entries = new Map<string, () => Buffer>()
  for (let i = 0; i < count; i++) {
    if (offset + 46 > bytes.length || bytes.readUInt32LE(offset) !== directoryEntry) return null
    const flags = bytes.readUInt16LE(offset + 8)
    const method = bytes.readUInt16LE(offset + 10)
    const compressedSize = bytes.readUInt32LE(offset + 20)
    const nameLength = bytes.readUInt16LE(offset + 28)
    const extraLength = bytes.readUInt16LE(offset + 30)
    const commentLength = bytes.readUInt16LE(offset + 32)
    const local = bytes.readUInt32LE(offset + 42)
    const name = bytes.toString('utf8', offset + 46, offset + 46 + nameLength)
    offset += 46 + nameLength + extraLength + commentLength
    if (flags & 1 || (method !== 0 && method !== 8) || compressedSize === 0xffffffff) return null
    entries.set(name.replace(/\\/g, '/'), () => {
      if (bytes.readUInt32LE(local) !== localHeader) throw new Error(`zip entry ${name} is damaged`)
      const start = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28)
      const data = bytes.subarray(start, start + compressedSize)
      return method === 0 ? data : inflateRawSync(data)
    })
  }
  return entries
}

/** The end-of-directory record sits in the last 22 bytes plus a comment of up to 64 KB. */
function findEndOfDirectory(bytes: Buffer): number {
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
    if (bytes.readUInt32LE(at) === endOfDirectory) return at
  }
  return -1
}
