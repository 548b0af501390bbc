import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createEventStreamParser } from '../../../../src/main/core/live/eventStreamParser'
import { createApiServer } from '../../../../src/main/core/preview/apiServer'
import { startPreviewServer, type PreviewServer } from '../../../../src/main/core/preview/previewServer'
import type { LiveChange } from '../../../../src/shared/liveTopics'
import { call, testCore } from '../../../helpers/testCore'
import { tempDir } from '../../../helpers/tempDir'

let core: Awaited<ReturnType<typeof testCore>>
let preview: PreviewServer

beforeEach(async () => {
  core = await testCore('event-stream')
  const rendererDir = join(tempDir('event-stream-renderer'), 'renderer')
  mkdirSync(rendererDir, { recursive: true })
  writeFileSync(join(rendererDir, 'index.html'), '<html><head></head><body></body></html>')
  preview = await startPreviewServer({ dispatch: core.dispatch, changes: core.changes, rendererDir, port: 0 })
})
afterEach(async () => {
  await preview.close()
  await core.close()
})

/** POST /api/<channel> as the page's bridge does, from another "client". */
async function post(channel: string, input: unknown, token?: string): Promise<{ ok: boolean; value?: never }> {
  const response = await fetch(`${preview.url}api/${channel}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(input),
  })
  return (await response.json()) as { ok: boolean; value?: never }
}

/** GET /events with Node's fetch, reading the body as it streams; resolves once the server's first chunk came. */
async function subscribe(token?: string, base = preview.url) {
  const abort = new AbortController()
  const response = await fetch(`${base}events`, {
    headers: token ? { Authorization: `Bearer ${token}` } : {},
    signal: abort.signal,
  })
  const changes: LiveChange[] = []
  let text = ''
  const parse = createEventStreamParser(({ event, data }) => {
    if (event === 'change') changes.push(JSON.parse(data) as LiveChange)
  })
  const reader = response.ok ? response.body?.getReader() : undefined
  const decoder = new TextDecoder()
  let ended = false
  const read = async (): Promise<boolean> => {
    const chunk = await reader?.read()
    if (!chunk || chunk.done) return (ended = true)
    const decoded = decoder.decode(chunk.value, { stream: true })
    text += decoded
    parse(decoded)
    return false
  }
  if (response.ok) await read()
  const pump = (async () => {
    try {
      while (response.ok && !(await read()));
    } catch {
      ended = true
    }
  })()
  return {
    response,
    changes,
    text: () => text,
    ended: () => ended,
    pump,
    close: () => abort.abort(),
  }
}

async function until(check: () => boolean, ms: number): Promise<number> {
  const start = Date.now()
  while (!check()) {
    if (Date.now() - start > ms) throw new Error(`not within ${ms} ms`)
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
  return Date.now() - start
}

describe('/events on the loopback preview', () => {
  it('streams another client’s write to a subscriber within a second, and nothing for a read', async () => {
    const stream = await subscribe()
    try {
      expect(stream.response.status).toBe(200)
      expect(stream.response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8')
      expect(stream.response.headers.get('cache-control')).toBe('no-store')
      const created = await post('customers.create', { name: '浏览器里新建的客户' })
      expect(created.ok).toBe(true)
      const id = (created.value as unknown as { id: number }).id
      expect(await until(() => stream.changes.length > 0, 1_000)).toBeLessThan(1_000)
      expect(stream.changes[0]).toMatchObject({ topics: ['customers'], customerIds: [id], byUserId: null })
      await post('customers.list', {})
      await post('customers.get', { id })
      await new Promise((resolve) => setTimeout(resolve, 200))
      expect(stream.changes).toHaveLength(1)
    } finally {
      stream.close()
    }
  })

  it('with 多用户 on, needs a session like any call; the stream of a session that ends is closed', async () => {
    const admin = await call(core, 'auth.enable', {
      login: 'admin',
      name: '管理员',
      password: 'secret-1',
      staffId: null,
    })
    const anonymous = await subscribe()
    expect(anonymous.response.status).toBe(401)
    expect(await anonymous.response.json()).toEqual({
      ok: false,
      error: { code: 'UNAUTHENTICATED', message: '请先登录' },
    })
    const forged = await subscribe('Z'.repeat(43))
    expect(forged.response.status).toBe(401)

    // A server with a short keep-alive, to see the session checked again while the stream is open.
    const api = createApiServer({
      dispatch: core.dispatch,
      changes: core.changes,
      bind: { host: '127.0.0.1', port: 0 },
      keepAliveMs: 150,
    })
    const server = await api.listen()
    try {
      const stream = await subscribe(admin.token, server.url)
      expect(stream.response.status).toBe(200)
      await until(() => stream.text().includes(': keep-alive'), 1_000)
      expect(stream.ended()).toBe(false)
      expect((await post('auth.logout', {}, admin.token)).ok).toBe(true)
      await until(stream.ended, 1_000)
    } finally {
      await server.close()
    }
  })

  it('closing the server ends open streams instead of waiting for them', async () => {
    const streams = [await subscribe(), await subscribe()]
    const started = Date.now()
    await preview.close()
    expect(Date.now() - started).toBeLessThan(2_000)
    for (const stream of streams) await until(stream.ended, 2_000)
    preview = await startPreviewServer({
      dispatch: core.dispatch,
      changes: core.changes,
      rendererDir: join(tempDir('event-stream-renderer'), 'r'),
      port: 0,
    })
  })
})
