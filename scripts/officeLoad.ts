import dayjs from 'dayjs'
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { cpus, loadavg } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { closeRaw, openRaw, rawAll } from '../src/main/core/db/rawSqlite'
import { databaseFileName, openCore, type Core } from '../src/main/core/openCore'
import { createRemoteDispatch, type RemoteDispatch } from '../src/main/core/remote/remoteDispatch'
import { calendarPeriod } from '../src/shared/analysis/period'
import type { Channel, ChannelInput } from '../src/shared/contract'
import { isStaleEdit } from '../src/shared/editVersion'
import type { Result } from '../src/shared/result'
import { startOfficeHostProcess, stopOfficeHostProcess } from '../tests/helpers/officeHostProcess'
import { ensureDataset, scales, workingCopy, type Scale } from './bench/dataset'

/*
 * The office under load: the host in its own process over a copy of the bench's
 * dataset (100,000 customers; --smoke: 2,000), 20 业务员 sharing the customers, and
 * 20 client PCs — each the client's own remote dispatch (HTTPS, certificate pinned,
 * writes on a fresh connection as the app does) with its own session — running an
 * office's mix for a while. The clients are loops in this one process, which keeps
 * the load generator light on a small machine; the host is alone in its own.
 * Reports p50/p95/p99 per kind of call, calls per second, errors (a stale save's
 * CONFLICT is expected, anything else is an error), SQLite busy errors and the
 * host's peak RSS, then checks that every 交往记录 the clients were told was saved
 * is in the host's file, once. Between two calls a client pauses 0–think-ms at
 * random (default 2000: a call a second per user, busier than anyone at a desk;
 * 500 makes it a stress test). Before the mix, one client alone times the sheet's
 * first page and a quick search; after it, the same calls in the host's own
 * process give what the network and HTTPS add.
 *
 * Usage: npm run office-load [-- --smoke] [--seconds 60] [--clients 20] [--think-ms 2000] [--json]
 */

const staffLabel = (i: number): string => `负载业务员${String(i + 1).padStart(2, '0')}`
const password = 'office-load-1'
const searches = ['zh', 'sh', 'bj', 'wang', 'li', '科技', '贸易', '有限', 'jt', '13']

interface Op {
  name: string
  /** Relative frequency in the mix. */
  weight: number
  run(client: Client): Promise<Result<unknown>>
}

interface Client {
  dispatch: RemoteDispatch
  token: string
  /** Their own customers and the 公海: what a 业务员 works on. */
  customers: number[]
  /** Cards this client has open, with the version each was loaded at. */
  open: Map<number, number>
  /** 交往记录 the host said it saved. */
  saved: number
}

interface Setup {
  staffIds: number[]
  interactionTypes: number[]
  /** By staff item: their customers; and the 公海's. */
  owned: Map<number, number[]>
  publicSea: number[]
}

function pick<T>(items: readonly T[]): T {
  return items[Math.floor(Math.random() * items.length)] as T
}

/** One of theirs or of the 公海, about half each: in the 公海 two users can meet on one card. */
function someCustomer(client: Client): number {
  return pick(client.customers)
}

const today = dayjs().format('YYYY-MM-DD')
const year = dayjs().year()

const ops: Op[] = [
  {
    name: '客户表首页',
    weight: 20,
    run: (c) => c.dispatch('customers.list', { startRow: 0, endRow: 100 }, c.token),
  },
  {
    name: '快速搜索',
    weight: 15,
    run: (c) => c.dispatch('customers.list', { startRow: 0, endRow: 100, quick: pick(searches) }, c.token),
  },
  {
    name: '打开客户',
    weight: 20,
    run: async (c) => {
      const id = someCustomer(c)
      const result = await c.dispatch('customers.get', { id }, c.token)
      if (result.ok) c.open.set(id, (result.value as { version: number }).version)
      return result
    },
  },
  {
    name: '新增交往记录',
    weight: 10,
    run: async (c) => {
      const result = await c.dispatch(
        'interactions.create',
        {
          customerId: someCustomer(c),
          occurredAt: dayjs().format('YYYY-MM-DD HH:mm'),
          typeId: pick(setupOf().interactionTypes),
          subject: '电话回访',
          content: '负载测试：了解近期采购计划',
        } satisfies ChannelInput<'interactions.create'>,
        c.token,
      )
      if (result.ok) c.saved++
      return result
    },
  },
  {
    name: '保存客户资料',
    weight: 10,
    run: async (c) => {
      // The card opened last, saved with the version it was loaded at.
      const [id, version] = [...c.open.entries()].at(-1) ?? [someCustomer(c), undefined]
      const result = await c.dispatch(
        'customers.update',
        {
          id,
          version,
          mainBusiness: `负载测试 ${dayjs().format('HH:mm:ss.SSS')}`,
        } satisfies ChannelInput<'customers.update'>,
        c.token,
      )
      c.open.delete(id)
      if (result.ok) c.open.set(id, (result.value as { version: number }).version)
      return result
    },
  },
  {
    name: '工作台提醒',
    weight: 15,
    run: (c) => c.dispatch('reminders.list', { view: 'open', dueTo: today, limit: 20 }, c.token),
  },
  {
    name: '比率分析整页',
    weight: 2,
    run: (c) =>
      c.dispatch(
        'analysis.ratioSets',
        {
          period: calendarPeriod('year', year),
          previous: calendarPeriod('year', year - 1),
          dimensions: ['region', 'salesScale', 'nature', 'industry'],
        } satisfies ChannelInput<'analysis.ratioSets'>,
        c.token,
      ),
  },
]

/** One client alone against the host, then the same calls in the host's own process: what the network adds. */
const ratioCalls: { name: string; channel: Channel; input: unknown }[] = [
  { name: '客户表首页', channel: 'customers.list', input: { startRow: 0, endRow: 100 } },
  { name: '快速搜索「zh」', channel: 'customers.list', input: { startRow: 0, endRow: 100, quick: 'zh' } },
]
const ratioRuns = 11

/** Median time of `ratioRuns` calls one after another, after one untimed. */
async function medianOf(call: () => Promise<Result<unknown>>): Promise<number> {
  const times: number[] = []
  for (let i = 0; i <= ratioRuns; i++) {
    const t = performance.now()
    const result = await call()
    if (!result.ok) throw new Error(`${result.error.code} ${result.error.message}`)
    if (i > 0) times.push(performance.now() - t)
  }
  return percentile(
    times.sort((a, b) => a - b),
    50,
  )
}

let setupValue: Setup | undefined
const setupOf = (): Setup => {
  if (!setupValue) throw new Error('not set up')
  return setupValue
}

async function must(core: Core, channel: Channel, input: unknown, token = ''): Promise<unknown> {
  const result = await core.dispatch(channel, input, token)
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`)
  return result.value
}

/** As the bench's accounts case: the customers shared out round-robin, one share in (users + 1) left in the 公海. */
async function prepare(dataDir: string, users: number): Promise<Setup> {
  const core = await openCore(dataDir)
  try {
    const staffIds = await core.store.write(async (db) => {
      const ids: number[] = []
      for (let i = 0; i < users; i++) {
        const run = await db.run(
          `INSERT INTO dict_item (category, label, sort_order, enabled) VALUES ('staff', ?, ?, 1)`,
          [staffLabel(i), 2000 + i],
        )
        ids.push(run.lastId)
      }
      await db.run(
        `UPDATE customer SET owner_staff_id = CASE id % ${users + 1} ${ids.map((id, i) => `WHEN ${i} THEN ${id}`).join(' ')} ELSE NULL END`,
      )
      return ids
    })
    const on = (await must(core, 'auth.enable', {
      login: 'load-admin',
      name: '负载管理员',
      password,
      staffId: null,
    })) as { token: string }
    for (const [i, staffId] of staffIds.entries()) {
      await must(
        core,
        'users.create',
        { login: `load-sales-${i + 1}`, name: staffLabel(i), role: 'sales', password, staffId, customerLimit: null },
        on.token,
      )
    }
    return core.store.read(async (db) => {
      const rows = await db.all<{ id: number; owner: number | null }>(
        `SELECT id, owner_staff_id AS owner FROM customer WHERE deleted_at IS NULL`,
      )
      const owned = new Map<number, number[]>(staffIds.map((id) => [id, []]))
      const publicSea: number[] = []
      for (const row of rows) {
        if (row.owner === null) publicSea.push(row.id)
        else owned.get(row.owner)?.push(row.id)
      }
      const types = await db.all<{ id: number }>(
        `SELECT id FROM dict_item WHERE category = 'interactionType' AND enabled = 1`,
      )
      return { staffIds, interactionTypes: types.map((t) => t.id), owned, publicSea }
    })
  } finally {
    await core.close()
  }
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number
}

export interface OfficeLoadReport {
  scale: Scale
  customers: number
  clients: number
  seconds: number
  thinkMs: number
  machine: string
  loadBefore: number
  ops: { name: string; calls: number; p50: number; p95: number; p99: number; perSecond: number }[]
  total: { calls: number; perSecond: number }
  errors: number
  errorSamples: string[]
  conflicts: number
  busy: { client: number; host: number }
  hostPeakRssMb: number
  cpuCores: { host: number; clients: number }
  interactions: { told: number; inFile: number }
  /** One client alone over HTTPS against the same call in the host's process (medians). */
  alone: { name: string; remoteMs: number; inProcessMs: number; ratio: number }[]
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      smoke: { type: 'boolean', default: false },
      seconds: { type: 'string' },
      clients: { type: 'string', default: '20' },
      'think-ms': { type: 'string', default: '2000' },
      // 0 shows what the rest of the office sees while nobody opens an analysis page.
      'analysis-weight': { type: 'string', default: '2' },
      json: { type: 'boolean', default: false },
    },
  })
  const scale: Scale = values.smoke ? 'smoke' : 'full'
  const seconds = Number(values.seconds ?? (values.smoke ? 10 : 60))
  const clientCount = Number(values.clients)
  const thinkMs = Number(values['think-ms'])
  const analysis = ops.find((op) => op.name === '比率分析整页')
  if (analysis) analysis.weight = Number(values['analysis-weight'])
  const mix = ops.filter((op) => op.weight > 0)
  const log = (line: string) => (values.json ? process.stderr : process.stdout).write(`${line}\n`)

  const root = resolve(__dirname, '..')
  const base = await ensureDataset(join(root, '.tmp', 'bench'), scale, log)
  const work = join(root, '.tmp', 'office-load', `${scale}-${process.pid}`)
  mkdirSync(join(root, '.tmp', 'office-load'), { recursive: true })
  const loadBefore = loadavg()[0] ?? 0
  log(`复制测试数据（${scales[scale].customers} 个客户）并建立 ${clientCount} 个业务员账号…`)
  workingCopy(base, work)
  let host: Awaited<ReturnType<typeof startOfficeHostProcess>> | undefined
  const clients: Client[] = []
  try {
    setupValue = await prepare(work, clientCount)
    host = await startOfficeHostProcess(work, { loginsPerMinute: 1000 })
    for (const [i, staffId] of setupValue.staffIds.entries()) {
      const dispatch = createRemoteDispatch({ host: '127.0.0.1', port: host.port, fingerprint: host.fingerprint })
      const login = await dispatch('auth.login', { login: `load-sales-${i + 1}`, password, remember: true }, null)
      if (!login.ok) throw new Error(`login: ${login.error.message}`)
      const customers = [...(setupValue.owned.get(staffId) ?? []), ...setupValue.publicSea]
      clients.push({ dispatch, token: (login.value as { token: string }).token, customers, open: new Map(), saved: 0 })
    }

    const latencies = new Map<string, number[]>(mix.map((op) => [op.name, []]))
    let errors = 0
    let conflicts = 0
    let clientBusy = 0
    const errorSamples: string[] = []
    const weights = mix.reduce((sum, op) => sum + op.weight, 0)
    const choose = (): Op => {
      let at = Math.random() * weights
      for (const op of mix) if ((at -= op.weight) < 0) return op
      return mix[0] as Op
    }
    const alone = clients[0] as Client
    const remoteMs: number[] = []
    for (const { channel, input } of ratioCalls) {
      remoteMs.push(await medianOf(() => alone.dispatch(channel, input, alone.token)))
    }

    log(`${clientCount} 个客户端运行 ${seconds} 秒（每次操作之间停顿 0–${thinkMs} 毫秒）…`)
    const hostCpuBefore = (await host.stats()).cpuMs
    const ownCpuBefore = process.cpuUsage()
    const started = performance.now()
    const end = started + seconds * 1000
    await Promise.all(
      clients.map(async (client) => {
        while (performance.now() < end) {
          await new Promise((done) => setTimeout(done, Math.random() * thinkMs))
          const op = choose()
          const t = performance.now()
          const result = await op.run(client)
          latencies.get(op.name)?.push(performance.now() - t)
          if (result.ok) continue
          if (isStaleEdit(result.error)) conflicts++
          else {
            errors++
            if (result.error.message.includes('数据库正忙')) clientBusy++
            if (errorSamples.length < 10) errorSamples.push(`${op.name}: ${result.error.code} ${result.error.message}`)
          }
        }
      }),
    )
    const elapsed = (performance.now() - started) / 1000
    const stats = await host.stats()
    const ownCpu = process.cpuUsage(ownCpuBefore)
    const told = clients.reduce((sum, c) => sum + c.saved, 0)

    const report: OfficeLoadReport = {
      scale,
      customers: scales[scale].customers,
      clients: clientCount,
      seconds: Math.round(elapsed),
      thinkMs,
      machine: `${cpus().length} 核 ${cpus()[0]?.model.trim() ?? ''}`,
      loadBefore: Math.round(loadBefore * 10) / 10,
      ops: mix.map((op) => {
        const sorted = [...(latencies.get(op.name) ?? [])].sort((a, b) => a - b)
        return {
          name: op.name,
          calls: sorted.length,
          p50: Math.round(percentile(sorted, 50)),
          p95: Math.round(percentile(sorted, 95)),
          p99: Math.round(percentile(sorted, 99)),
          perSecond: Math.round((sorted.length / elapsed) * 10) / 10,
        }
      }),
      total: { calls: 0, perSecond: 0 },
      errors,
      errorSamples,
      conflicts,
      busy: { client: clientBusy, host: stats.busy },
      hostPeakRssMb: Math.round(stats.peakRssBytes / 1024 / 1024),
      // Of the run's wall time: 1 = one core busy throughout.
      cpuCores: {
        host: Math.round(((stats.cpuMs - hostCpuBefore) / 1000 / elapsed) * 100) / 100,
        clients: Math.round(((ownCpu.user + ownCpu.system) / 1e6 / elapsed) * 100) / 100,
      },
      interactions: { told, inFile: 0 },
      alone: [],
    }
    report.total.calls = report.ops.reduce((sum, op) => sum + op.calls, 0)
    report.total.perSecond = Math.round((report.total.calls / elapsed) * 10) / 10

    for (const client of clients) client.dispatch.close()
    await stopOfficeHostProcess(host)
    host = undefined
    // After the host closed its file: what the clients were told was saved is there, once.
    const db = await openRaw(join(work, databaseFileName), 'readonly')
    try {
      const [row] = await rawAll(
        db,
        `SELECT count(*) AS n FROM interaction WHERE created_by IN (SELECT id FROM app_user WHERE role = 'sales')`,
      )
      report.interactions.inFile = Number(row?.n)
    } finally {
      await closeRaw(db)
    }
    // The same calls by the same user in the host's own process, nobody else working.
    const core = await openCore(work)
    try {
      const login = await must(core, 'auth.login', { login: 'load-sales-1', password, remember: false })
      const token = (login as { token: string }).token
      for (const [i, { name, channel, input }] of ratioCalls.entries()) {
        const inProcess = await medianOf(() => core.dispatch(channel, input, token))
        const remote = remoteMs[i] ?? Number.NaN
        report.alone.push({
          name,
          remoteMs: Math.round(remote * 10) / 10,
          inProcessMs: Math.round(inProcess * 10) / 10,
          ratio: Math.round((remote / inProcess) * 100) / 100,
        })
      }
    } finally {
      await core.close()
    }

    const file = join(root, '.tmp', 'office-load', `report-${scale}.json`)
    writeFileSync(file, JSON.stringify(report, null, 2))
    printReport(report, log)
    if (values.json) process.stdout.write(`${JSON.stringify(report)}\n`)
    const failed = report.errors > 0 || report.busy.host > 0 || report.interactions.inFile !== report.interactions.told
    process.exitCode = failed ? 1 : 0
  } finally {
    for (const client of clients) client.dispatch.close()
    await stopOfficeHostProcess(host)
    rmSync(work, { recursive: true, force: true })
  }
}

function printReport(report: OfficeLoadReport, log: (line: string) => void): void {
  log('')
  log(
    `${report.clients} 个客户端 × ${report.seconds} 秒，${report.customers} 个客户，${report.machine}，开始前负载 ${report.loadBefore}`,
  )
  log('操作\t次数\tp50 ms\tp95 ms\tp99 ms\t每秒次数')
  for (const op of report.ops) log(`${op.name}\t${op.calls}\t${op.p50}\t${op.p95}\t${op.p99}\t${op.perSecond}`)
  log(`合计\t${report.total.calls}\t\t\t\t${report.total.perSecond}`)
  log(
    `错误 ${report.errors}（预期内的修改冲突 ${report.conflicts}），SQLite 忙 ${report.busy.host}，主机内存峰值 ${report.hostPeakRssMb} MB`,
  )
  log(`CPU（核）：主机 ${report.cpuCores.host}，客户端合计 ${report.cpuCores.clients}`)
  log(`交往记录：客户端收到成功 ${report.interactions.told} 条，主机数据库中 ${report.interactions.inFile} 条`)
  for (const sample of report.errorSamples) log(`  ${sample}`)
  for (const call of report.alone) {
    log(`单个客户端 ${call.name}：经网络 ${call.remoteMs} ms，主机进程内 ${call.inProcessMs} ms，比值 ${call.ratio}×`)
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exitCode = 1
})
