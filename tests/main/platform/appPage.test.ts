import { describe, expect, it } from 'vitest'
import { appPageUrl, appRouteUrl, builtPageUrl, isAppPage } from '../../../src/main/platform/appPage'

describe('appPageUrl', () => {
  it('is the built page on the app:// origin, or the dev server when there is one', () => {
    expect(appPageUrl(undefined)).toBe('app://kqgj/index.html')
    expect(builtPageUrl).toBe('app://kqgj/index.html')
    expect(appPageUrl('http://localhost:5173')).toBe('http://localhost:5173/')
  })
})

describe('appRouteUrl', () => {
  it('puts a hash route on the page, on the built page and on the dev server alike', () => {
    expect(appRouteUrl(builtPageUrl, '#/customers/12')).toBe('app://kqgj/index.html#/customers/12')
    expect(appRouteUrl('http://localhost:5173/', '#/workbench')).toBe('http://localhost:5173/#/workbench')
    expect(isAppPage(appRouteUrl(builtPageUrl, '#/customers/12'), builtPageUrl)).toBe(true)
  })
})

describe('isAppPage', () => {
  const built = builtPageUrl

  it('accepts our page under any hash route or query', () => {
    expect(isAppPage(built, built)).toBe(true)
    expect(isAppPage(`${built}#/customers?id=3`, built)).toBe(true)
    expect(isAppPage(`${built}?x=1`, built)).toBe(true)
  })

  it('accepts the same page spelled with another host case or encoding', () => {
    expect(isAppPage('app://KQGJ/index.html', built)).toBe(true)
    expect(isAppPage('app://kqgj/%69ndex.html', built)).toBe(true)
  })

  it('refuses other files of the origin, other hosts, other schemes and local files', () => {
    expect(isAppPage('app://kqgj/other.html', built)).toBe(false)
    expect(isAppPage('app://kqgj/', built)).toBe(false)
    expect(isAppPage('app://evil/index.html', built)).toBe(false)
    expect(isAppPage('app:///index.html', built)).toBe(false)
    expect(isAppPage('file:///C:/kqgj/out/renderer/index.html', built)).toBe(false)
    expect(isAppPage('file:///index.html', built)).toBe(false)
    expect(isAppPage('https://kqgj/index.html', built)).toBe(false)
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
    expect(isAppPage(built, dev)).toBe(false)
  })
})
