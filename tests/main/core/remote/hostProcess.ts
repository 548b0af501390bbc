import { spawn, type ChildProcess } from 'node:child_process'
import { resolve } from 'node:path'

const child = resolve(__dirname, 'hostChild.ts')

export interface HostProcess {
  proc: ChildProcess
  port: number
  fingerprint: string
  /** The channels the host's dispatch received, in order (see hostChild.ts). */
  calls: string[]
}

/** Starts the host in its own process and waits for the line it prints once listening. */
export function startHost(dataDir: string, port = 0): Promise<HostProcess> {
  return new Promise((done, fail) => {
    // Node itself with tsx as a loader, so that a signal reaches the host and not a launcher.
    const proc = spawn(process.execPath, ['--import', 'tsx', child, dataDir, String(port)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let pending = ''
    let stderr = ''
    let host: HostProcess | undefined
    proc.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    proc.stdout.on('data', (chunk: Buffer) => {
      pending += chunk.toString()
      const lines = pending.split('\n')
      pending = lines.pop() ?? ''
      for (const line of lines) {
        if (!host) {
          host = { proc, calls: [], ...(JSON.parse(line) as { port: number; fingerprint: string }) }
          done(host)
        } else if (line.startsWith('call ')) host.calls.push(line.slice(5))
      }
    })
    proc.on('error', fail)
    proc.on('exit', (code) => {
      if (!host) fail(new Error(`host exited (${code}): ${stderr}`))
    })
  })
}

/** SIGTERM closes the host as the app's quit does; SIGKILL is a crash or a pulled plug. */
export function stopHost(host: HostProcess | undefined, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (!host || host.proc.exitCode !== null || host.proc.signalCode !== null) return Promise.resolve()
  return new Promise((done) => {
    host.proc.once('exit', () => done())
    host.proc.kill(signal)
  })
}
