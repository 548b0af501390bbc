import { createInflateRaw, inflateRawSync } from 'node:zlib'
import { AppError } from '../appError'
import { notAnXlsx, readZipDirectory, tooLarge, type ZipEntry } from './zipDirectory'

const localHeader = 0x04034b50

/**
 * The files of a zip archive (an .xlsx is one), each unpacked when asked for,
 * never past the size the directory declares (a zip bomb lies there, or declares
 * gigabytes and is refused by readZipDirectory before anything is unpacked).
 * Null for what this small reader leaves to exceljs: encryption or a compression
 * other than stored/deflate.
 */
export function zipEntries(bytes: Buffer): Map<string, () => Buffer> | null {
  const directory = readZipDirectory(bytes)
  if (directory.some((entry) => !readable(entry))) return null
  const entries = new Map<string, () => Buffer>()
  for (const entry of directory) entries.set(entry.name, () => unpack(bytes, entry))
  return entries
}

/**
 * Before exceljs, which unpacks with no bound of its own, reads an archive: every
 * deflated part is inflated once, counting bytes and keeping none, and the file is
 * refused as soon as a part grows past what the directory declared for it.
 */
export async function assertUnpacksWithinDeclaredSizes(bytes: Buffer): Promise<void> {
  for (const entry of readZipDirectory(bytes)) {
    if (entry.flags & 1) throw new AppError('VALIDATION', '文件有密码保护，请先在 Excel/WPS 中取消密码并另存为 .xlsx')
    if (entry.method !== 8) continue
    await new Promise<void>((resolve, reject) => {
      let produced = 0
      const inflate = createInflateRaw()
      inflate.on('data', (chunk: Buffer) => {
        produced += chunk.length
        if (produced > entry.size) {
          inflate.destroy()
          reject(tooLarge())
        }
      })
      inflate.on('end', resolve)
      inflate.on('error', () => reject(new AppError('VALIDATION', notAnXlsx)))
      inflate.end(compressed(bytes, entry))
    })
  }
}

function readable(entry: ZipEntry): boolean {
  return (entry.flags & 1) === 0 && (entry.method === 0 || entry.method === 8)
}

function compressed(bytes: Buffer, entry: ZipEntry): Buffer {
  const at = entry.localOffset
  if (at + 30 > bytes.length || bytes.readUInt32LE(at) !== localHeader) throw new AppError('VALIDATION', notAnXlsx)
  const start = at + 30 + bytes.readUInt16LE(at + 26) + bytes.readUInt16LE(at + 28)
  return bytes.subarray(start, start + entry.compressedSize)
}

function unpack(bytes: Buffer, entry: ZipEntry): Buffer {
  const data = compressed(bytes, entry)
  if (entry.method === 0) return data
  try {
    // One byte more than declared, so a part that grows past its declared size is caught, not cut.
    const out = inflateRawSync(data, { maxOutputLength: Math.max(1, entry.size + 1) })
    if (out.length > entry.size) throw tooLarge()
    return out
  } catch (error) {
    if (error instanceof AppError) throw error
    if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw tooLarge()
    throw error
  }
}
