import { inflateRawSync } from 'node:zlib'
import yauzl, { type Entry, type ZipFile } from 'yauzl'
import { AppError } from '../appError'

/**
 * The most an .xlsx may unpack to, all parts together. A 100,000-customer sheet
 * is about 100 MB of XML; a zip bomb declares (or, lying, reaches) gigabytes.
 */
export const maxUnpackedBytes = 512 * 1024 * 1024

export const notAnXlsx = '不是有效的 .xlsx 文件（文件为空或已损坏）。请在 Excel/WPS 中打开并另存为 .xlsx 后再导入'

export function tooLarge(): AppError {
  return new AppError(
    'VALIDATION',
    `文件解压后超过 ${maxUnpackedBytes / 1024 / 1024} MB，不像是正常的 Excel 文件，未导入。请检查文件，或分成几个文件导入`,
  )
}

/** The parts of an .xlsx by path, each unpacked only when asked for. */
export type ZipParts = Map<string, () => Promise<Buffer>>

/**
 * The files of a zip archive (an .xlsx is one), found with yauzl: each unpacked
 * when asked for and stopped as soon as it grows past the size the directory
 * declares for it, an archive declaring more than `maxUnpackedBytes` in all
 * refused before anything is unpacked. Null for what
 * the fast reader leaves to exceljs: encryption or a compression other than
 * stored/deflate. Throws the Chinese message for a file that is not a zip at
 * all: exceljs would otherwise wait for ever on an empty or truncated stream.
 */
export async function zipEntries(bytes: Buffer): Promise<ZipParts | null> {
  const { zip, entries } = await openZip(bytes)
  if (
    entries.some((entry) => entry.isEncrypted() || (entry.compressionMethod !== 0 && entry.compressionMethod !== 8))
  ) {
    return null
  }
  const parts: ZipParts = new Map()
  for (const entry of entries) parts.set(entry.fileName, () => unpackAtOnce(bytes, zip, entry))
  return parts
}

/**
 * One part in one call of Node's zlib, bounded by its declared size. Not yauzl's
 * read stream (which checks the same bound): on a 50,000-row sheet its 16 KB
 * chunks through three streams took about 1.8 times as long as this, on the
 * import's hot path. yauzl still finds where the part's data starts.
 */
async function unpackAtOnce(bytes: Buffer, zip: ZipFile, entry: Entry): Promise<Buffer> {
  let start: number
  try {
    start = (await zip.readLocalFileHeaderPromise(entry, { minimal: true })).fileDataStart
  } catch (error) {
    throw zipError(error as Error)
  }
  const data = bytes.subarray(start, start + entry.compressedSize)
  if (entry.compressionMethod === 0) return data
  try {
    // One byte more than declared, so a part that grows past its declared size is caught, not cut.
    const out = inflateRawSync(data, { maxOutputLength: Math.max(1, entry.uncompressedSize + 1) })
    if (out.length > entry.uncompressedSize) throw tooLarge()
    return out
  } catch (error) {
    if (error instanceof AppError) throw error
    if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw tooLarge()
    throw new AppError('VALIDATION', notAnXlsx)
  }
}

/**
 * Before exceljs, which unpacks with no bound of its own, reads an archive: every
 * part is unpacked once, counting bytes and keeping none, and the file is
 * refused as soon as a part grows past what the directory declared for it.
 */
export async function assertUnpacksWithinDeclaredSizes(bytes: Buffer): Promise<void> {
  const { zip, entries } = await openZip(bytes)
  for (const entry of entries) {
    if (entry.isEncrypted()) {
      throw new AppError('VALIDATION', '文件有密码保护，请先在 Excel/WPS 中取消密码并另存为 .xlsx')
    }
    // exceljs reads stored and deflated parts only; yauzl would refuse the others anyway.
    if (entry.compressionMethod === 8) await drain(zip, entry)
  }
}

/**
 * The directory, nothing unpacked. yauzl has no bound on an archive's total: the
 * declared sizes are added up here, and the file refused once they pass the bound.
 */
async function openZip(bytes: Buffer): Promise<{ zip: ZipFile; entries: Entry[] }> {
  const zip = await new Promise<ZipFile>((resolve, reject) => {
    yauzl.fromBuffer(bytes, { lazyEntries: true, autoClose: false }, (error, opened) => {
      if (error) reject(zipError(error))
      else resolve(opened)
    })
  })
  const entries: Entry[] = []
  let total = 0
  await new Promise<void>((resolve, reject) => {
    zip.on('entry', (entry: Entry) => {
      total += entry.uncompressedSize
      if (total > maxUnpackedBytes) {
        zip.close()
        reject(tooLarge())
        return
      }
      entries.push(entry)
      zip.readEntry()
    })
    zip.on('end', resolve)
    zip.on('error', (error: Error) => reject(zipError(error)))
    zip.readEntry()
  })
  return { zip, entries }
}

/** One part streamed and counted, nothing kept; yauzl stops it once past its declared size. */
function drain(zip: ZipFile, entry: Entry): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    zip.openReadStream(entry, (error, stream) => {
      if (error) {
        reject(zipError(error))
        return
      }
      stream.on('data', () => undefined)
      stream.on('end', resolve)
      stream.on('error', (streamError: Error) => {
        // Stops the inflating too: yauzl's destroy unhooks it from the source.
        stream.destroy()
        reject(zipError(streamError))
      })
    })
  })
}

/** yauzl's errors in Chinese: a part past its declared size is a bomb or a lie, anything else a damaged file. */
function zipError(error: Error): AppError {
  if (error instanceof AppError) return error
  return /too many bytes/.test(error.message) ? tooLarge() : new AppError('VALIDATION', notAnXlsx)
}
