import { describe, expect, it } from 'vitest'
import { createLinkOpener, isAllowedExternalUrl, toExternalUrl } from '../../../src/main/platform/externalLinks'

describe('isAllowedExternalUrl', () => {
  it.each([
    'https://example.com',
    'http://example.com/path?q=1#top',
    'https://客户官网.中国/',
    'mailto:a@b.cn',
    'mailto:a@b.cn?bcc=c@d.cn&subject=%E6%8A%A5%E4%BB%B7',
  ])('allows %s', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(true)
  })

  // The allow-list is by scheme, not by host: users click their customers' own
  // websites, so a look-alike host is still just a website opened in the browser.
  it('allows any https host, look-alikes included', () => {
    expect(isAllowedExternalUrl('https://example.com.evil.com')).toBe(true)
  })

  it.each([
    'file:///C:/Windows',
    'file://server/share/run.exe',
    'javascript:alert(1)',
    ' javascript:alert(1)',
    'JAVASCRIPT:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'smb://server/share',
    'ms-settings:privacy',
    'search-ms:query=x',
    'http://user:pass@host',
    'https://bank.cn@evil.example',
    'mailto:a@b.cn?attach=C:/Users/me/secret.docx',
    'mailto:a@b.cn?Attachment=/etc/passwd',
    'http://',
    '',
    'garbage',
    'example.com',
    '//example.com',
  ])('refuses %j', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(false)
  })

  it('opens the normalised spelling, not the one it was given', () => {
    expect(toExternalUrl('HTTPS://Example.COM')).toBe('https://example.com/')
    expect(toExternalUrl('http:\\\\example.com\\a')).toBe('http://example.com/a')
    expect(toExternalUrl('https:///example.com')).toBe('https://example.com/')
  })
})

describe('createLinkOpener', () => {
  /** An opener whose user answers each http: question from `answers`, in order. */
  function opener(answers: boolean[]) {
    const opened: string[] = []
    const asked: { url: string; host: string; source: string }[] = []
    const open = createLinkOpener<string>({
      open: async (url) => void opened.push(url),
      confirmInsecure: async (url, host, source) => {
        asked.push({ url, host, source })
        return answers.shift() ?? false
      },
    })
    return { open, opened, asked }
  }

  it('opens https: and mailto: links at once, and nothing that is not allowed', async () => {
    const { open, opened, asked } = opener([])
    expect(await open('https://customer.example/about', 'window')).toBe(true)
    expect(await open('mailto:boss@customer.cn?subject=%E6%8A%A5%E4%BB%B7', 'window')).toBe(true)
    expect(await open('file:///C:/Windows/System32/calc.exe', 'window')).toBe(false)
    expect(await open('mailto:a@b.cn?attach=C:/secret.docx', 'window')).toBe(false)
    expect(opened).toEqual(['https://customer.example/about', 'mailto:boss@customer.cn?subject=%E6%8A%A5%E4%BB%B7'])
    expect(asked).toEqual([])
  })

  it('asks before an http: link, remembers a yes for that host only, and asks again after a no', async () => {
    const { open, opened, asked } = opener([false, true, true])
    expect(await open('http://old-site.example/products', 'window')).toBe(false)
    expect(opened).toEqual([])
    expect(asked).toEqual([{ url: 'http://old-site.example/products', host: 'old-site.example', source: 'window' }])

    expect(await open('HTTP://OLD-SITE.example/contact', 'window')).toBe(true)
    expect(await open('http://old-site.example/again', 'window')).toBe(true)
    expect(asked).toHaveLength(2)
    // Another port is another site.
    expect(await open('http://old-site.example:8080/', 'window')).toBe(true)
    expect(asked.map((question) => question.host)).toEqual([
      'old-site.example',
      'old-site.example',
      'old-site.example:8080',
    ])
    expect(opened).toEqual([
      'http://old-site.example/contact',
      'http://old-site.example/again',
      'http://old-site.example:8080/',
    ])
  })

  it('asks once when the same http: link is clicked twice before the answer', async () => {
    let answer: (yes: boolean) => void = () => undefined
    let questions = 0
    const opened: string[] = []
    const open = createLinkOpener<null>({
      open: async (url) => void opened.push(url),
      confirmInsecure: () => {
        questions++
        return new Promise((resolve) => (answer = resolve))
      },
    })
    const first = open('http://a.example/', null)
    const second = open('http://a.example/x', null)
    answer(true)
    expect(await Promise.all([first, second])).toEqual([true, true])
    expect(questions).toBe(1)
    expect(opened).toEqual(['http://a.example/', 'http://a.example/x'])
  })

  it('takes a failed question as a no', async () => {
    const open = createLinkOpener<null>({
      open: async () => undefined,
      confirmInsecure: () => Promise.reject(new Error('dialog failed')),
    })
    expect(await open('http://a.example/', null)).toBe(false)
  })
})
