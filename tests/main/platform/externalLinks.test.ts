import { describe, expect, it } from 'vitest'
import { isAllowedExternalUrl, toExternalUrl } from '../../../src/main/platform/externalLinks'

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
