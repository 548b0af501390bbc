import { mkdirSync, writeFileSync } from 'node:fs'
import { join, posix, win32 } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { appResponse, registerAppScheme, rendererCsp, rendererFile } from '../../../src/main/platform/appProtocol'
import { tempDir } from '../../helpers/tempDir'

const fake = await vi.hoisted(async () => (await import('../../helpers/fakeElectron')).createFakeElectron())
vi.mock('electron', () => fake.module)

/** A built renderer folder beside a file that must never be served. */
function rendererFolder(): { root: string; renderer: string } {
  const root = tempDir('app-protocol')
  const renderer = join(root, 'out', 'renderer')
  mkdirSync(join(renderer, 'assets'), { recursive: true })
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>客情管家</title>')
  writeFileSync(join(renderer, 'assets', 'index-abc.js'), 'console.log(1)')
  writeFileSync(join(renderer, 'assets', 'index-abc.css'), 'body{}')
  writeFileSync(join(renderer, 'assets', 'font.woff2'), Buffer.from([0x77, 0x4f, 0x46, 0x32]))
  writeFileSync(join(root, 'out', 'secret.txt'), '客户名单')
  mkdirSync(join(root, 'out', 'renderer-other'))
  writeFileSync(join(root, 'out', 'renderer-other', 'x.js'), 'stolen()')
  return { root, renderer }
}

const get = (url: string, method = 'GET') => new Request(url, { method })

describe('registerAppScheme', () => {
  it('declares app: standard and secure, so the page is a secure context that resolves relative URLs', () => {
    registerAppScheme()
    expect(fake.state.privilegedSchemes).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true } },
    ])
  })
})

describe('appResponse', () => {
  it('serves the built files with their type, the CSP and nosniff as headers', async () => {
    const { renderer } = rendererFolder()
    const page = await appResponse(get('app://kqgj/index.html#/customers'), renderer)
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('<title>客情管家</title>')
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(page.headers.get('content-security-policy')).toBe(`${rendererCsp}; frame-ancestors 'none'`)
    expect(page.headers.get('x-content-type-options')).toBe('nosniff')

    const script = await appResponse(get('app://kqgj/assets/index-abc.js?v=1'), renderer)
    expect([script.status, script.headers.get('content-type'), await script.text()]).toEqual([
      200,
      'text/javascript; charset=utf-8',
      'console.log(1)',
    ])
    expect((await appResponse(get('app://kqgj/assets/index-abc.css'), renderer)).headers.get('content-type')).toBe(
      'text/css; charset=utf-8',
    )
    const font = await appResponse(get('app://kqgj/assets/font.woff2'), renderer)
    expect(font.headers.get('content-type')).toBe('font/woff2')
    expect(Buffer.from(await font.arrayBuffer())).toEqual(Buffer.from([0x77, 0x4f, 0x46, 0x32]))

    const head = await appResponse(get('app://kqgj/index.html', 'HEAD'), renderer)
    expect([head.status, await head.text()]).toEqual([200, ''])
  })

  it.each([
    'app://kqgj/../secret.txt',
    'app://kqgj/%2e%2e/secret.txt',
    'app://kqgj/assets/..%2f..%2fsecret.txt',
    'app://kqgj/..%5csecret.txt',
    'app://kqgj/%2E%2E%2Frenderer-other/x.js',
    'app://kqgj/index.html%00.js',
    'app://kqgj/index.html::$DATA',
    'app://kqgj/C:/Windows/win.ini',
    'app://kqgj/%E0%A4%A',
    'app://kqgj/',
    'app://kqgj/assets',
    'app://kqgj/nothing.html',
    'app://other/index.html',
    'file:///etc/passwd',
  ])('refuses %s with a plain 404 that names no path', async (url) => {
    const { renderer } = rendererFolder()
    const response = await appResponse(get(url), renderer)
    expect(response.status).toBe(404)
    const body = await response.text()
    expect(body).toBe('Not Found')
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'")
  })

  it('answers only GET and HEAD', async () => {
    const { renderer } = rendererFolder()
    expect((await appResponse(get('app://kqgj/index.html', 'POST'), renderer)).status).toBe(405)
  })
})

describe('rendererFile', () => {
  it('maps a URL to the file inside the folder, on POSIX and on Windows paths', () => {
    expect(rendererFile('app://kqgj/assets/a.js', '/app/out/renderer', posix)).toBe('/app/out/renderer/assets/a.js')
    expect(rendererFile('app://kqgj/assets/a.js', 'C:\\客情管家\\out\\renderer', win32)).toBe(
      'C:\\客情管家\\out\\renderer\\assets\\a.js',
    )
    expect(rendererFile('app://kqgj/%E5%9B%BE.png', '/r', posix)).toBe('/r/图.png')
  })

  it('refuses an encoded climb out of the folder, also into a sibling that shares its name', () => {
    expect(rendererFile('app://kqgj/assets/..%2F..%2Fsecret.txt', '/app/out/renderer', posix)).toBeUndefined()
    expect(rendererFile('app://kqgj/..%2Frenderer-other/x.js', '/app/out/renderer', posix)).toBeUndefined()
    expect(rendererFile('app://kqgj/..%2Frenderer/index.html', '/app/out/renderer', posix)).toBe(
      '/app/out/renderer/index.html',
    )
  })

  it.each([
    'app://kqgj/..%5C..%5CWindows%5Cwin.ini',
    'app://kqgj/assets%5C..%5C..%5Csecret.txt',
    'app://kqgj/%5C%5Cserver%5Cshare%5Cx.js',
    'app://kqgj/D:%5Cx.js',
    'app://kqgj/index.html:Zone.Identifier',
  ])('refuses %s on Windows paths', (url) => {
    expect(rendererFile(url, 'C:\\客情管家\\out\\renderer', win32)).toBeUndefined()
  })
})
