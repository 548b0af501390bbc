import { request } from 'node:http'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startPreviewServer, type PreviewServer } from '../../../src/main/core/preview/previewServer'
import { testCore } from '../../helpers/testCore'
import { tempDir } from '../../helpers/tempDir'

let core: Awaited<ReturnType<typeof testCore>>
let preview: PreviewServer
let port: number

beforeAll(async () => {
  core = await testCore('preview')
  const rendererDir = join(tempDir('renderer'), 'renderer')
  mkdirSync(rendererDir)
  writeFileSync(join(rendererDir, 'index.html'), '<html><head><title>客情管家</title></head><body></body></html>')
  writeFileSync(join(tempDir('secret'), 'secret.txt'), 'secret')
  preview = await startPreviewServer({ dispatch: core.dispatch, rendererDir, port: 0 })
  port = Number(new URL(preview.url).port)
})
afterAll(async () => {
  await preview.close()
  await core.close()
})

function send(options: {
  path: string
  method?: string
  headers?: Record<string, string>
  body?: string
}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path: options.path, method: options.method ?? 'GET', headers: options.headers },
      (res) => {
        let body = ''
        res.on('data', (chunk: Buffer) => (body += chunk.toString()))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }))
      },
    )
    req.on('error', reject)
    req.end(options.body)
  })
}

const json = { 'Content-Type': 'application/json' }

describe('browser preview server', () => {
  it('listens on 127.0.0.1 only', () => {
    expect(new URL(preview.url).hostname).toBe('127.0.0.1')
  })

  it('answers a channel with the same Result as the dispatch', async () => {
    const res = await send({
      path: '/api/dictionary.list',
      method: 'POST',
      headers: json,
      body: '{"category":"region"}',
    })
    const viaHttp = JSON.parse(res.body)
    expect(viaHttp).toEqual(await core.dispatch('dictionary.list', { category: 'region' }))
    expect(viaHttp.value).toHaveLength(7)
  })

  it('returns typed errors for bad JSON and bad input', async () => {
    const garbage = await send({ path: '/api/dictionary.list', method: 'POST', headers: json, body: '{nope' })
    expect(JSON.parse(garbage.body)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    const bad = await send({ path: '/api/dictionary.create', method: 'POST', headers: json, body: '{"label":1}' })
    expect(JSON.parse(bad.body)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
  })

  it('refuses another Host (DNS rebinding) and another Origin (CSRF)', async () => {
    const host = await send({
      path: '/api/app.info',
      method: 'POST',
      headers: { ...json, Host: 'evil.example' },
      body: '{}',
    })
    expect(host.status).toBe(403)
    const origin = await send({
      path: '/api/app.info',
      method: 'POST',
      headers: { ...json, Origin: 'http://evil.example' },
      body: '{}',
    })
    expect(origin.status).toBe(403)
  })

  it('refuses non-JSON posts and GET on the API', async () => {
    expect((await send({ path: '/api/app.info', method: 'POST', body: 'a=1' })).status).toBe(415)
    expect((await send({ path: '/api/app.info' })).status).toBe(405)
  })

  it('serves the page with the bridge and never a file outside the renderer folder', async () => {
    const page = await send({ path: '/' })
    expect(page.body).toContain('<script src="/bridge.js"></script>')
    for (const path of ['/../secret.txt', '/%2e%2e/%2e%2e/secret.txt', '/..%2f..%2fsecret.txt']) {
      const res = await send({ path })
      expect(res.body).not.toBe('secret')
    }
  })
})
