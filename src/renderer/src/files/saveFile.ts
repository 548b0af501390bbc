/**
 * Hands bytes to the user as a file. A download from the page is the one path
 * that works both in Electron (which shows its save dialog for downloads) and in
 * the browser preview. Binary results cross the IPC contract as base64 strings,
 * since the preview speaks JSON.
 */
export function saveBytes(fileName: string, data: Uint8Array | ArrayBuffer | Blob | string, mime?: string): void {
  const type = mime ?? mimeFor(fileName)
  const blob =
    data instanceof Blob
      ? data
      : new Blob([typeof data === 'string' ? base64ToBytes(data) : (data as BlobPart)], { type })
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  link.style.display = 'none'
  document.body.appendChild(link)
  link.click()
  link.remove()
  // Revoke later: Chromium reads the blob after the click handler returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
}

export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64)
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  return bytes
}

export async function fileToBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer())
  let binary = ''
  // Chunked: String.fromCharCode(...bytes) overflows the stack on large files.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return btoa(binary)
}

function mimeFor(fileName: string): string {
  if (fileName.endsWith('.xlsx')) return 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
  if (fileName.endsWith('.csv')) return 'text/csv;charset=utf-8'
  if (fileName.endsWith('.png')) return 'image/png'
  if (fileName.endsWith('.txt')) return 'text/plain;charset=utf-8'
  return 'application/octet-stream'
}
