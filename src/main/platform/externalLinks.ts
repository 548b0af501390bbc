/**
 * The links the app hands to the operating system (the browser or the mail program).
 *
 * The allow-list is by scheme, not by host: users click their customers' own
 * websites, so any https host is fine, and an http one once the user confirmed it
 * (createLinkOpener). Other schemes are refused because Windows resolves them to
 * programs and shares (file:, smb:, ms-*:, vbscript: ...).
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

export interface LinkOpenerDeps<Source> {
  /** Hands the checked link to the operating system. */
  open(url: string): Promise<void>
  /** Asks the user whether to open an unencrypted (http:) link to `host`; `source` is where it was clicked. */
  confirmInsecure(url: string, host: string, source: Source): Promise<boolean>
}

/**
 * Opens allowed links outside the app: https: and mailto: at once, http: only for a host
 * the user confirmed, remembered until the app quits. Answers whether the link was opened.
 */
export function createLinkOpener<Source>(
  deps: LinkOpenerDeps<Source>,
): (url: string, source: Source) => Promise<boolean> {
  // The pending or given answer per host: two quick clicks on one link ask once.
  const answers = new Map<string, Promise<boolean>>()
  return async (url, source) => {
    const external = toExternalUrl(url)
    if (external === undefined) return false
    const parsed = new URL(external)
    if (parsed.protocol === 'http:') {
      let answer = answers.get(parsed.host)
      if (!answer) {
        answer = deps.confirmInsecure(external, parsed.host, source)
        answers.set(parsed.host, answer)
      }
      const confirmed = await answer.catch(() => false)
      // A refusal is not remembered: the next click asks again.
      if (!confirmed) {
        if (answers.get(parsed.host) === answer) answers.delete(parsed.host)
        return false
      }
    }
    await deps.open(external)
    return true
  }
}
