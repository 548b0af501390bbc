import { isEmail } from '../../../shared/fieldSchemas'

/**
 * Group mail the way the seed asks: every customer in 暗送 (BCC), so no one sees
 * the others' addresses. Windows mail clients and the shell refuse `mailto:` links
 * much beyond 2,000 characters, so a long list is split over several mails.
 */
export const maxMailtoLength = 2000

export interface MailDraft {
  subject?: string
  body?: string
}

/** The distinct valid addresses, in their first order (case-insensitively distinct). */
export function mailAddresses(values: (string | null | undefined)[]): string[] {
  const seen = new Set<string>()
  const found: string[] = []
  for (const value of values) {
    const address = value?.trim()
    if (!address || !isEmail(address)) continue
    const key = address.toLowerCase()
    if (seen.has(key)) continue
    seen.add(key)
    found.push(address)
  }
  return found
}

const encode = (text: string) => encodeURIComponent(text).replace(/%40/g, '@')

/**
 * `mailto:` links with the addresses in `bcc=`, each at most `maxLength` characters
 * (an address longer than that on its own still gets its own link), together
 * holding every address once, in order.
 */
export function bccMailtoUrls(addresses: string[], draft: MailDraft = {}, maxLength = maxMailtoLength): string[] {
  const extra = [
    draft.subject ? `&subject=${encodeURIComponent(draft.subject)}` : '',
    draft.body ? `&body=${encodeURIComponent(draft.body)}` : '',
  ].join('')
  const urls: string[] = []
  let current: string[] = []
  const build = (list: string[]) => `mailto:?bcc=${list.map(encode).join(',')}${extra}`
  for (const address of mailAddresses(addresses)) {
    if (current.length > 0 && build([...current, address]).length > maxLength) {
      urls.push(build(current))
      current = []
    }
    current.push(address)
  }
  if (current.length > 0) urls.push(build(current))
  return urls
}
