import { request, type IncomingHttpHeaders } from 'node:http'
import { mkdirSync, writeFileSync } from 'node:fs'
import { connect } from 'node:net'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApiServer, maxBodyBytes } from '../../../src/main/core/preview/apiServer'
import { startPreviewServer, type PreviewServer } from '../../../src/main/core/preview/previewServer'
import { testCore } from '../../helpers/testCore'
import { tempDir } from '../../helpers/tempDir'

let core: Awaited<ReturnType<typeof testCore>>
let preview: PreviewServer
let port: number

beforeAll(async () => {
  core = await testCore('preview')
  // The secret sits right beside the renderer folder, one `..` away.
  const root = tempDir('renderer')
  const rendererDir = join(root, 'renderer')
  mkdirSync(join(rendererDir, 'assets'), { recursive: true })
  writeFileSync(join(rendererDir, 'index.html'), '<html><head><title>客情管家</title></head><body></body></html>')
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log("app")')
  writeFileSync(join(rendererDir, '.env'), 'hidden')
  writeFileSync(join(root, 'secret.txt'), 'secret')
  preview = await startPreviewServer({ dispatch: core.dispatch, rendererDir, port: 0 })
  port = Number(new URL(preview.url).port)
})
afterAll(async () => {
  await preview.close()
  await core.close()
})

interface Answer {
  status: number
  headers: IncomingHttpHeaders
  body: string
}

function send(options: {
  path: string
  method?: string
  headers?: Record<string, string>
  body?: string | Buffer
  /** Write the body in 1 MB pieces without a Content-Length (chunked). */
  chunked?: boolean
  port?: number
}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: options.port ?? port,
        path: options.path,
        method: options.method ?? 'GET',
        headers: options.headers,
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString() }),
        )
      },
    )
    req.on('error', reject)
    if (options.chunked && options.body !== undefined) {
      const body = Buffer.from(options.body)
      for (let at = 0; at < body.length; at += 1024 * 1024) req.write(body.subarray(at, at + 1024 * 1024))
      req.end()
    } else req.end(options.body)
  })
}

const json = { 'Content-Type': 'application/json' }

function expectSecurityHeaders(answer: Answer): void {
  expect(answer.headers['content-security-policy']).toBe("frame-ancestors 'none'")
  expect(answer.headers['x-frame-options']).toBe('DENY')
  expect(answer.headers['x-content-type-options']).toBe('nosniff')
}

describe('browser preview server', () => {
  it('listens on 127.0.0.1 only', () => {
    expect(new URL(preview.url).hostname).toBe('127.0.0.1')
    expect(preview.server.address()).toMatchObject({ address: '127.0.0.1' })
  })

  it('answers a channel with the same Result as the dispatch, never cached, not frameable', async () => {
    const res = await send({
      path: '/api/dictionary.list',
      method: 'POST',
      headers: json,
      body: '{"category":"region"}',
    })
    expect(res.status).toBe(200)
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8')
    expect(res.headers['cache-control']).toBe('no-store')
    expectSecurityHeaders(res)
    const viaHttp = JSON.parse(res.body)
    expect(viaHttp).toEqual(await core.dispatch('dictionary.list', { category: 'region' }))
    expect(viaHttp.value).toHaveLength(7)
  })

  it('returns typed errors for bad JSON, bad input and an unknown channel', async () => {
    const garbage = await send({ path: '/api/dictionary.list', method: 'POST', headers: json, body: '{nope' })
    expect(garbage.status).toBe(200)
    expect(JSON.parse(garbage.body)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    const bad = await send({ path: '/api/dictionary.create', method: 'POST', headers: json, body: '{"label":1}' })
    expect(JSON.parse(bad.body)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    const unknown = await send({ path: '/api/no.such', method: 'POST', headers: json, body: '{}' })
    expect(JSON.parse(unknown.body)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } })
    // An empty body is the empty input, as the bridge sends for a call without one.
    const empty = await send({ path: '/api/app.info', method: 'POST', headers: json })
    expect(JSON.parse(empty.body)).toMatchObject({ ok: true })
  })

  it('403: refuses another Host (DNS rebinding) and another Origin (CSRF), accepts its own', async () => {
    const host = await send({ path: '/api/app.info', method: 'POST', headers: { ...json, Host: 'evil.example' } })
    expect(host.status).toBe(403)
    expect(host.body).toBe('只接受本机地址的请求')
    expectSecurityHeaders(host)
    const otherPort = await send({ path: '/', headers: { Host: `127.0.0.1:${port + 1}` } })
    expect(otherPort.status).toBe(403)
    const origin = await send({
      path: '/api/app.info',
      method: 'POST',
      headers: { ...json, Origin: 'http://evil.example' },
      body: '{}',
    })
    expect(origin.status).toBe(403)
    expect(origin.body).toBe('只接受本机页面的请求')
    for (const name of ['127.0.0.1', 'localhost']) {
      const own = await send({
        path: '/api/app.info',
        method: 'POST',
        headers: { ...json, Host: `${name}:${port}`, Origin: `http://${name}:${port}` },
        body: '{}',
      })
      expect(own.status).toBe(200)
    }
  })

  it('415: refuses a post that is not JSON; 405: refuses any other method on the API and posts to the page', async () => {
    const form = await send({
      path: '/api/app.info',
      method: 'POST',
      body: 'a=1',
      headers: { 'Content-Type': 'text/plain' },
    })
    expect(form.status).toBe(415)
    expect(form.body).toBe('请求必须是 JSON')
    expect((await send({ path: '/api/app.info', method: 'POST', body: '{}' })).status).toBe(415)
    for (const method of ['GET', 'PUT', 'DELETE']) {
      const res = await send({ path: '/api/app.info', method, headers: json })
      expect(res.status).toBe(405)
      expect(res.body).toBe('请使用 POST')
    }
    const pagePost = await send({ path: '/customers', method: 'POST', headers: json, body: '{}' })
    expect(pagePost.status).toBe(405)
    expect(pagePost.body).toBe('不支持的请求')
  })

  it('400: malformed percent-encoding is the client’s mistake, answered in Chinese', async () => {
    for (const path of ['/%E0%A4%A', '/assets/%ZZ.js']) {
      const res = await send({ path })
      expect(res.status).toBe(400)
      expect(res.body).toBe('请求地址的编码无效')
      expect(res.body).not.toContain('URIError')
      expectSecurityHeaders(res)
    }
    const api = await send({ path: '/api/%ZZ', method: 'POST', headers: json, body: '{}' })
    expect(api.status).toBe(400)
    expect(api.body).toBe('请求地址的编码无效')
  })

  it('413: an oversized body gets an answer the client can read (with and without Content-Length), and the server goes on', async () => {
    const tooLarge = Buffer.alloc(maxBodyBytes + 1, 'a')
    for (const chunked of [false, true]) {
      const res = await send({ path: '/api/app.info', method: 'POST', headers: json, body: tooLarge, chunked })
      expect(res.status).toBe(413)
      expect(res.body).toBe('请求过大（上限 64 MB）')
      expectSecurityHeaders(res)
    }
    const after = await send({ path: '/api/app.info', method: 'POST', headers: json, body: '{}' })
    expect(JSON.parse(after.body)).toMatchObject({ ok: true })
  }, 60_000)

  it('a body just under the limit still reaches the dispatch', async () => {
    // A string input the contract refuses: the point is that the server let it through to the dispatch.
    const body = `"${'a'.repeat(maxBodyBytes - 2)}"`
    const res = await send({ path: '/api/app.info', method: 'POST', headers: json, body })
    expect(res.status).toBe(200)
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
  }, 60_000)

  it('serves the page with the bridge at /, /index.html and any deep link, and the built files', async () => {
    for (const path of ['/', '/index.html', '/customers/12', '/assets']) {
      const page = await send({ path })
      expect(page.status).toBe(200)
      expect(page.body).toContain('<head>\n    <script src="/bridge.js"></script>')
      expect(page.headers['cache-control']).toBe('no-store')
      expectSecurityHeaders(page)
    }
    const bridge = await send({ path: '/bridge.js' })
    expect(bridge.body).toContain('kqBridge')
    expect(bridge.headers['content-type']).toBe('text/javascript; charset=utf-8')
    const asset = await send({ path: '/assets/app.js' })
    expect(asset.status).toBe(200)
    expect(asset.body).toBe('console.log("app")')
    expect(asset.headers['content-type']).toMatch(/javascript/)
    expectSecurityHeaders(asset)
  })

  it('400: a request Node cannot even parse is answered in Chinese, with the headers, not just dropped', async () => {
    const raw = await new Promise<string>((resolve, reject) => {
      const socket = connect(port, '127.0.0.1', () => socket.write('NOT HTTP AT ALL\r\n\r\n'))
      let text = ''
      socket.on('data', (chunk: Buffer) => (text += chunk.toString()))
      socket.on('close', () => resolve(text))
      socket.on('error', reject)
    })
    expect(raw).toMatch(/^HTTP\/1\.1 400 /)
    expect(raw).toContain('X-Frame-Options: DENY')
    expect(raw.endsWith('\r\n\r\n请求无效')).toBe(true)
  })

  it('never serves a file outside the renderer folder, nor a dotfile inside it', async () => {
    const traversals = [
      '/../secret.txt',
      '/assets/../../secret.txt',
      '/%2e%2e/secret.txt',
      '/%2e%2e/%2e%2e/secret.txt',
      '/..%2f..%2fsecret.txt',
      '/.%2e/secret.txt',
      '/..\\secret.txt',
      '/%5c..%5csecret.txt',
      '/assets/..%5c..%5csecret.txt',
      '/.env',
    ]
    for (const path of traversals) {
      const res = await send({ path })
      expect({ path, status: res.status, body: res.body }).toEqual({ path, status: 403, body: '禁止访问' })
    }
    // Encoded slashes are not path separators: at worst the page comes back, never the file.
    for (const path of ['/%2F..%2Fsecret.txt', '/assets%2f..%2f..%2fsecret.txt']) {
      expect((await send({ path })).body).not.toBe('secret')
    }
  })
})

describe('request time bound', () => {
  it('cuts off a client that stops sending mid-request (408) but not a handler that works longer than the bound', async () => {
    const slowCore = await testCore('preview-timeout')
    const api = createApiServer({
      dispatch: async (channel, input) => {
        await new Promise((resolve) => setTimeout(resolve, 2_500))
        return slowCore.dispatch(channel, input)
      },
      bind: { host: '127.0.0.1', port: 0 },
      requestTimeoutMs: 1_000,
      timeoutCheckIntervalMs: 100,
    })
    const server = await api.listen()
    const apiPort = Number(new URL(server.url).port)
    try {
      const started = Date.now()
      const stalled = await new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = request(
          {
            host: '127.0.0.1',
            port: apiPort,
            path: '/api/app.info',
            method: 'POST',
            headers: { ...json, 'Content-Length': '100' },
          },
          (res) => {
            let body = ''
            res.on('data', (chunk: Buffer) => (body += chunk.toString()))
            res.on('end', () => resolve({ status: res.statusCode ?? 0, body }))
          },
        )
        req.on('error', reject)
        req.write('{"half":')
      })
      expect(stalled.status).toBe(408)
      expect(stalled.body).toBe('请求超时')
      expect(Date.now() - started).toBeLessThan(5_000)

      const slow = await send({ port: apiPort, path: '/api/app.info', method: 'POST', headers: json, body: '{}' })
      expect(slow.status).toBe(200)
      expect(JSON.parse(slow.body)).toMatchObject({ ok: true })
      // Without the preview's page, an unknown address is a plain 404.
      expect((await send({ port: apiPort, path: '/index.html' })).status).toBe(404)
    } finally {
      await server.close()
      await slowCore.close()
    }
  }, 20_000)
})
