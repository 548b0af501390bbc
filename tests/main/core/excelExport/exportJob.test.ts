import ExcelJS from 'exceljs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Core } from '../../../../src/main/core/openCore'
import type { ExportProgress } from '../../../../src/shared/excelExport'
import { call, testCore } from '../../../helpers/testCore'

const nextTurn = () => new Promise((resolve) => setImmediate(resolve))

/** Polls the job until `until` holds for its progress, giving the export turns in between. */
async function pollUntil(core: Core, jobId: string, until: (p: ExportProgress) => boolean): Promise<ExportProgress> {
  for (let i = 0; i < 100_000; i++) {
    const progress = await call(core, 'export.progress', { jobId })
    if (until(progress)) return progress
    await nextTurn()
  }
  throw new Error('the export job never got there')
}

describe('export jobs', () => {
  let core: Core
  let ids: number[]
  beforeEach(async () => {
    core = await testCore('export-job')
    await call(core, 'demo.load', { customers: 120 })
    ids = (await call(core, 'customers.ids', {})).ids
  })
  afterEach(async () => {
    await core.close()
  })

  it('reports cards written out of the total and hands the finished workbook over once', async () => {
    const { jobId } = await call(core, 'export.start', { kind: 'customerCards', ids })
    const seen: number[] = []
    const done = await pollUntil(core, jobId, (p) => {
      seen.push(p.done)
      expect(p.total === null || p.total === ids.length).toBe(true)
      return p.state !== 'running'
    })
    expect(done).toMatchObject({ state: 'done', done: ids.length, total: ids.length, message: null })
    expect(seen.some((n) => n > 0 && n < ids.length)).toBe(true)
    expect(done.file?.fileName).toMatch(/^客户信息登记卡-120个客户-\d{4}-\d{2}-\d{2}\.xlsx$/)
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(Buffer.from(done.file?.base64 ?? '', 'base64') as unknown as ArrayBuffer)
    expect(workbook.worksheets).toHaveLength(ids.length)

    expect(await call(core, 'export.progress', { jobId })).toMatchObject({ state: 'done', file: null })
  })

  it('stops a card export cancelled midway: no file, state cancelled, fewer cards written than asked', async () => {
    const { jobId } = await call(core, 'export.start', { kind: 'customerCards', ids })
    const started = await pollUntil(core, jobId, (p) => p.done >= 3 || p.state !== 'running')
    expect(started.state).toBe('running')
    await call(core, 'export.cancel', { jobId })
    const ended = await pollUntil(core, jobId, (p) => p.state !== 'running')
    expect(ended.state).toBe('cancelled')
    expect(ended.file).toBeNull()
    expect(ended.message).toBe('导出已取消')
    expect(ended.done).toBeLessThan(ids.length)
    // Stopped for good: it does not go on writing cards after it said so.
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect(await call(core, 'export.progress', { jobId })).toMatchObject({
      state: 'cancelled',
      done: ended.done,
      file: null,
    })
  })

  it('counts the sheet rows up front and stops a cancelled sheet export at its next page', async () => {
    const { jobId } = await call(core, 'export.start', {
      kind: 'customerSheet',
      columns: [{ key: 'name' }, { key: 'phone' }],
    })
    await call(core, 'export.cancel', { jobId })
    const ended = await pollUntil(core, jobId, (p) => p.state !== 'running')
    expect(ended).toMatchObject({ state: 'cancelled', total: 120, file: null })
  })

  it('reports a failure in Chinese as the job’s message', async () => {
    const { jobId } = await call(core, 'export.start', {
      kind: 'customerCards',
      ids: [...ids.slice(0, 2), 999_999],
    })
    const ended = await pollUntil(core, jobId, (p) => p.state !== 'running')
    expect(ended).toMatchObject({ state: 'failed', file: null })
    expect(ended.message).toContain('有 1 个客户不存在')
  })

  it('refuses an unknown job and an unknown kind of export', async () => {
    const unknown = await core.dispatch('export.progress', { jobId: 'no-such-job' })
    expect(unknown).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: '导出任务不存在，请重新导出' } })
    const badKind = await core.dispatch('export.start', { kind: 'everything' })
    expect(badKind).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
  })
})
