import { afterAll, beforeAll, expect, it } from 'vitest'
import { bearerToken, createApiServer, type ListeningServer } from '../../../../src/main/core/preview/apiServer'
import { testCore } from '../../../helpers/testCore'

let core: Awaited<ReturnType<typeof testCore>>
let server: ListeningServer
let base: string

beforeAll(async () => {
  core = await testCore('accounts-http')
  server = await createApiServer({ dispatch: core.dispatch, bind: { host: '127.0.0.1', port: 0 } }).listen()
  base = server.url.replace(/\/$/, '')
})
afterAll(async () => {
  await server.close()
  await core.close()
})

async function post(
  channel: string,
  input: unknown,
  token?: string,
): Promise<{ ok: boolean; value?: { token: string } & Record<string, unknown>; error?: unknown }> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' }
  if (token) headers.Authorization = `Bearer ${token}`
  const response = await fetch(`${base}/api/${channel}`, { method: 'POST', headers, body: JSON.stringify(input) })
  return (await response.json()) as never
}

it('carries the session as a Bearer header: without it only the public channels answer', async () => {
  const enabled = await post('auth.enable', { login: 'admin', name: '管理员', password: 'secret-1', staffId: null })
  expect(enabled.ok).toBe(true)
  const token = enabled.value?.token ?? ''
  expect((await post('customers.list', {})).error).toMatchObject({ code: 'UNAUTHENTICATED' })
  expect((await post('customers.list', {}, token)).ok).toBe(true)
  expect((await post('customers.list', {}, `${token}x`)).error).toMatchObject({ code: 'UNAUTHENTICATED' })
  expect((await post('auth.status', {})).value).toEqual({ enabled: true, user: null, recoveryOpen: false })
  expect((await post('app.info', {})).ok).toBe(true)
})

it('reads only a well-formed Bearer token', () => {
  expect(bearerToken('Bearer abcdefghijklmnopqrstuvwxyz0123456789_-')).toBe('abcdefghijklmnopqrstuvwxyz0123456789_-')
  expect(bearerToken('Basic abcdefghijklmnopqrstuvwxyz')).toBeNull()
  expect(bearerToken('Bearer short')).toBeNull()
  expect(bearerToken(undefined)).toBeNull()
})
