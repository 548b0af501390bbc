import { describe, expect, it } from 'vitest'
import { bccMailtoUrls, mailAddresses, maxMailtoLength } from '../../../src/renderer/src/greetings/mailtoBcc'

/** The addresses of a mailto link, read back as a mail client does. */
function bccOf(url: string): string[] {
  const parsed = new URL(url)
  expect(parsed.protocol).toBe('mailto:')
  expect(parsed.pathname).toBe('') // nobody in 收件人
  expect(parsed.searchParams.get('cc')).toBeNull()
  return (parsed.searchParams.get('bcc') ?? '').split(',')
}

describe('bccMailtoUrls', () => {
  it('puts every address in 暗送, with the subject, in one link when it fits', () => {
    const urls = bccMailtoUrls(['zhang@jia.cn', 'li+sales@yi.com.cn'], { subject: '中秋快乐' })
    expect(urls).toEqual(['mailto:?bcc=zhang@jia.cn,li%2Bsales@yi.com.cn&subject=%E4%B8%AD%E7%A7%8B%E5%BF%AB%E4%B9%90'])
    expect(bccOf(urls[0] ?? '')).toEqual(['zhang@jia.cn', 'li+sales@yi.com.cn'])
    expect(new URL(urls[0] ?? '').searchParams.get('subject')).toBe('中秋快乐')
  })

  it('splits a long list into links of at most 2000 characters, each address once and in order', () => {
    const addresses = Array.from({ length: 300 }, (_, i) => `customer${String(i).padStart(3, '0')}@example.com.cn`)
    const urls = bccMailtoUrls(addresses, { subject: '新春问候' })
    expect(urls.length).toBeGreaterThan(1)
    for (const url of urls) expect(url.length).toBeLessThanOrEqual(maxMailtoLength)
    expect(urls.flatMap(bccOf)).toEqual(addresses)
    // Greedy: a link is only closed when the next address would not fit.
    const first = urls[0] ?? ''
    expect(first.length + ',customer999@example.com.cn'.length).toBeGreaterThan(maxMailtoLength)
  })

  it('drops blanks, invalid and repeated addresses (case-insensitively)', () => {
    expect(mailAddresses([' a@b.cn ', null, '', '不是邮箱', 'A@B.CN', 'c@d.cn'])).toEqual(['a@b.cn', 'c@d.cn'])
    expect(bccMailtoUrls([])).toEqual([])
  })
})
