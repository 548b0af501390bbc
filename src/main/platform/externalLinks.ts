/**
 * The links the app hands to the operating system (the browser or the mail program).
 *
 * The allow-list is by scheme only, not by host: users click their customers' own
 * websites, so any https or http host is fine. Other schemes are refused because
 * Windows resolves them to programs and shares (file:, smb:, ms-*:, vbscript: ...).
 */
const allowedProtocols = new Set(['https:', 'http:', 'mailto:'])

/** Mail clients that honour these parameters would attach a local file to the draft. */
const mailtoAttachmentParameters = new Set(['attach', 'attachment'])

/**
 * The normalised form of an allowed link, or undefined. The normalised form is what
 * gets opened, so the operating system never sees a spelling we did not check.
 */
export function toExternalUrl(url: string): string | undefined {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return undefined
  }
  if (!allowedProtocols.has(parsed.protocol)) return undefined
  // `http://bank.cn@evil.example` shows one host and opens another.
  if (parsed.username !== '' || parsed.password !== '') return undefined
  if (parsed.protocol === 'mailto:') {
    const names = [...parsed.searchParams.keys()].map((name) => name.toLowerCase())
    if (names.some((name) => mailtoAttachmentParameters.has(name))) return undefined
  } else if (parsed.hostname === '') {
    return undefined
  }
  return parsed.href
}

export function isAllowedExternalUrl(url: string): boolean {
  return toExternalUrl(url) !== undefined
}
