import { spawn, type ChildProcess } from 'node:child_process'
import { resolve } from 'node:path'
import { openCore } from '../../src/main/core/openCore'
import { startOfficeHost } from '../../src/main/core/office/startOfficeHost'
import type { Dispatch } from '../../src/main/core/dispatch'

/**
 * The office host as its own process on 127.0.0.1 (never the LAN, no multicast),
 * for the two-client tests and the office load script. Unlike a test's in-process
 * core it can be told, over stdin, to move its clock (a session expires honestly,
 * by its own rules) and to report what it saw (peak RSS, SQLite busy errors).
 */

export interface HostStats {
  /** Every call its dispatch received. */
  calls: number
  /** Unexpected errors (INTERNAL) its dispatch answered, and those of them that were SQLITE_BUSY. */
  internal: number
  busy: number
  /** The process's peak resident set, in bytes. */
  peakRssBytes: number
  /** CPU time it used so far, user and system, in milliseconds. */
  cpuMs: number
}

export interface OfficeHostProcess {
  proc: ChildProcess
  port: number
  fingerprint: string
  /** Moves the host's clock (sessions, timestamps) this far ahead of the real one. */
  setClockOffset(ms: number): Promise<void>
  stats(): Promise<HostStats>
  /** What the host wrote to stderr so far (a failing test says why). */
  stderr(): string
}

export interface OfficeHostProcessOptions {
  /** Logins per client address per minute; every client here is 127.0.0.1. */
  loginsPerMinute?: number
}

/** Starts the host in its own process and waits for the line it prints once listening. */
export function startOfficeHostProcess(
  dataDir: string,
  options: OfficeHostProcessOptions = {},
): Promise<OfficeHostProcess> {
  return new Promise((done, fail) => {
    // Node itself with tsx as a loader, so that SIGTERM reaches the host and not a launcher.
    const proc = spawn(
      process.execPath,
      ['--import', 'tsx', __filename, 'serve', dataDir, String(options.loginsPerMinute ?? 10)],
      { stdio: ['pipe', 'pipe', 'pipe'] },
    )
    let pending = ''
    let stderr = ''
    let started = false
    const waiting: ((line: string) => void)[] = []
    const ask = (command: string) =>
      new Promise<string>((answer) => {
        waiting.push(answer)
        proc.stdin?.write(`${command}\n`)
      })
    proc.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    proc.stdout?.on('data', (chunk: Buffer) => {
      pending += chunk.toString()
      const lines = pending.split('\n')
      pending = lines.pop() ?? ''
      for (const line of lines) {
        if (!started) {
          started = true
          const { port, fingerprint } = JSON.parse(line) as { port: number; fingerprint: string }
          done({
            proc,
            port,
            fingerprint,
            setClockOffset: async (ms) => void (await ask(`clock ${ms}`)),
            stats: async () => JSON.parse(await ask('stats')) as HostStats,
            stderr: () => stderr,
          })
        } else waiting.shift()?.(line)
      }
    })
    proc.on('error', fail)
    proc.on('exit', (code) => {
      if (!started) fail(new Error(`host exited (${code}): ${stderr}`))
    })
  })
}

/** SIGTERM closes the host as the app's quit does. */
export function stopOfficeHostProcess(host: OfficeHostProcess | undefined): Promise<void> {
  if (!host || host.proc.exitCode !== null || host.proc.signalCode !== null) return Promise.resolve()
  return new Promise((done) => {
    host.proc.once('exit', () => done())
    host.proc.kill('SIGTERM')
  })
}

/** The child's side: a real core over the data folder, served as the office host serves it. */
async function serve(dataDir: string, loginsPerMinute: number): Promise<void> {
  let offsetMs = 0
  const stats = { calls: 0, internal: 0, busy: 0 }
  const core = await openCore(dataDir, {
    clock: () => new Date(Date.now() + offsetMs),
    onUnexpected: (_channel, error) => {
      if ((error as { code?: string } | null)?.code === 'SQLITE_BUSY') stats.busy++
    },
  })
  const counted: Dispatch = async (channel, input, token) => {
    stats.calls++
    const result = await core.dispatch(channel, input, token)
    if (!result.ok && result.error.code === 'INTERNAL') stats.internal++
    return result
  }
  const host = await startOfficeHost({
    core: { dispatch: counted, changes: core.changes },
    dataDir,
    port: 0,
    bind: '127.0.0.1',
    hostname: 'office-host',
    // An address a LAN would give, for the Host check and the certificate; nothing is ever sent to it.
    addresses: () => ['192.168.31.20'],
    loginsPerMinute,
  })
  process.stdout.write(`${JSON.stringify({ port: host.port, fingerprint: host.fingerprint })}\n`)

  let input = ''
  process.stdin.setEncoding('utf8')
  process.stdin.on('data', (chunk: string) => {
    input += chunk
    const lines = input.split('\n')
    input = lines.pop() ?? ''
    for (const line of lines) {
      const [command, argument] = line.split(' ')
      if (command === 'clock') {
        offsetMs = Number(argument)
        process.stdout.write('ok\n')
      } else if (command === 'stats') {
        const usage = process.resourceUsage()
        // maxRSS is in kilobytes, the CPU times in microseconds.
        const peakRssBytes = usage.maxRSS * 1024
        const cpuMs = Math.round((usage.userCPUTime + usage.systemCPUTime) / 1000)
        process.stdout.write(`${JSON.stringify({ ...stats, peakRssBytes, cpuMs })}\n`)
      }
    }
  })
  process.on('SIGTERM', () => {
    host
      .close()
      .then(() => core.close())
      .then(() => process.exit(0))
      .catch((error: unknown) => {
        console.error(error)
        process.exit(1)
      })
  })
}

if (process.argv[2] === 'serve' && resolve(process.argv[1] ?? '') === __filename) {
  const [dataDir = '', logins = '10'] = process.argv.slice(3)
  serve(dataDir, Number(logins)).catch((error: unknown) => {
    console.error(error)
    process.exit(1)
  })
}
