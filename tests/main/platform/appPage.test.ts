import { describe, expect, it } from 'vitest'
import { appPageUrl, isAppPage } from '../../../src/main/platform/appPage'

describe('appPageUrl', () => {
  it('is the built index.html as a file URL, or the dev server when there is one', () => {
    expect(appPageUrl(undefined, '/opt/客情管家/out/renderer/index.html')).toBe(
      'file:///opt/%E5%AE%A2%E6%83%85%E7%AE%A1%E5%AE%B6/out/renderer/index.html',
    )
    expect(appPageUrl('http://localhost:5173', '/ignored/index.html')).toBe('http://localhost:5173/')
  })
})

describe('isAppPage', () => {
  const built =
    'file:///C:/Program%20Files/%E5%AE%A2%E6%83%85%E7%AE%A1%E5%AE%B6/resources/app.asar/out/renderer/index.html'

  it('accepts our page under any hash route or query', () => {
    expect(isAppPage(built, built)).toBe(true)
    expect(isAppPage(`${built}#/customers?id=3`, built)).toBe(true)
    expect(isAppPage(`${built}?x=1`, built)).toBe(true)
  })

  it('accepts the same file spelled with another drive-letter case or encoding', () => {
    expect(isAppPage(built.replace('/C:/', '/c:/'), built)).toBe(true)
    expect(isAppPage('file:///C:/Program Files/客情管家/resources/app.asar/out/renderer/index.html', built)).toBe(true)
  })

  it('refuses other files, other schemes and other hosts', () => {
    expect(isAppPage(built.replace('index.html', 'other.html'), built)).toBe(false)
    expect(isAppPage('file:///C:/Users/me/Downloads/index.html', built)).toBe(false)
    expect(isAppPage('file://evil/share/out/renderer/index.html', 'file:///out/renderer/index.html')).toBe(false)
    expect(isAppPage('https://example.com/', built)).toBe(false)
    expect(isAppPage('', built)).toBe(false)
    expect(isAppPage('about:blank', built)).toBe(false)
  })

  it('in development accepts the dev server only', () => {
    const dev = 'http://localhost:5173/'
    expect(isAppPage('http://localhost:5173/#/settings', dev)).toBe(true)
    expect(isAppPage('http://localhost:5174/', dev)).toBe(false)
    expect(isAppPage('http://127.0.0.1:5173/', dev)).toBe(false)
    expect(isAppPage('https://localhost:5173/', dev)).toBe(false)
  })
})
