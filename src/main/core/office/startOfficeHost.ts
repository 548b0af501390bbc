import { hostname as osHostname } from 'node:os'
import { resolve } from 'node:path'
import type { Dispatch } from '../dispatch'
import type { ChangeFeed } from '../live/changeFeed'
import { createApiServer, type ListeningServer } from '../preview/apiServer'
import { ensureHostCertificate } from './hostCertificate'
import { lanAddresses } from './lanAddresses'

export interface OfficeHost {
  /** This PC's LAN IPv4 addresses when it started (the screen asks again each time). */
  addresses: string[]
  port: number
  fingerprint: string
  hostname: string
  close(): Promise<void>
}

export interface StartOfficeHostOptions {
  core: { dispatch: Dispatch; changes?: ChangeFeed }
  dataDir: string
  port: number
  /** 0.0.0.0 on an office PC; tests bind 127.0.0.1. */
  bind: string
  /** Tests pass their own; by default the PC's name and addresses, asked again on every request. */
  hostname?: string
  addresses?: () => string[]
  loginsPerMinute?: number
}

/** The hosts running in this process, by data folder, for office.status. */
const running = new Map<string, { port: number; fingerprint: string }>()
/** Why the last start failed, by data folder, until a start succeeds. */
const failures = new Map<string, string>()

export function runningOfficeHost(dataDir: string): { port: number; fingerprint: string } | null {
  return running.get(resolve(dataDir)) ?? null
}

export function officeHostFailure(dataDir: string): string | null {
  return failures.get(resolve(dataDir)) ?? null
}

export function recordHostFailure(dataDir: string, message: string): void {
  failures.set(resolve(dataDir), message)
}

/**
 * Serves the core's handler map to the office: HTTPS with the certificate kept in
 * the data folder, every call but the login's needing a session (preview/lanGate.ts).
 * The same server as the loopback preview, bound to the LAN instead.
 */
export async function startOfficeHost(options: StartOfficeHostOptions): Promise<OfficeHost> {
  const hostname = options.hostname ?? osHostname()
  const addressesNow = options.addresses ?? (() => lanAddresses())
  const certificate = await ensureHostCertificate(options.dataDir, { hostname, addresses: addressesNow() })
  const { listen } = createApiServer({
    dispatch: options.core.dispatch,
    changes: options.core.changes,
    bind: { host: options.bind, port: options.port },
    // Any name a client may have typed for this PC; a browser page elsewhere names its own site.
    hostNames: cached(() => [hostname, `${hostname}.local`, 'localhost', '127.0.0.1', ...addressesNow()], 30_000),
    lan: { key: certificate.key, cert: certificate.cert, loginsPerMinute: options.loginsPerMinute },
  })
  const server: ListeningServer = await listen()
  const port = Number(new URL(server.url).port)
  const key = resolve(options.dataDir)
  running.set(key, { port, fingerprint: certificate.fingerprint })
  failures.delete(key)
  return {
    addresses: addressesNow(),
    port,
    fingerprint: certificate.fingerprint,
    hostname,
    close: async () => {
      running.delete(key)
      await server.close()
    },
  }
}

/** The interfaces are read at most every `ms`: a syscall per request is not needed to notice a new DHCP lease. */
function cached<T>(read: () => T, ms: number): () => T {
  let value: T | undefined
  let readAt = 0
  return () => {
    const now = Date.now()
    if (value === undefined || now - readAt > ms) {
      value = read()
      readAt = now
    }
    return value
  }
}
