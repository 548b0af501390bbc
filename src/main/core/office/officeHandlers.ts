import { hostname } from 'node:os'
import type { OfficeConfig, OfficeConnection, OfficeStatus } from '../../../shared/office'
import { AppError } from '../appError'
import type { ChannelsOf, CoreContext, DomainHandlers } from '../handlerTypes'
import { hostFingerprint } from './hostCertificate'
import { lanAddresses } from './lanAddresses'
import { readOfficeConfig, writeOfficeConfig } from './officeConfig'
import { noNetworkMessage, type OfficeNetwork } from './officeNetwork'
import { officeHostFailure, runningOfficeHost } from './startOfficeHost'

export interface OfficeSettingsDeps {
  dataDir: string
  /** Whether this PC's own database has 多用户 on; null on a client PC, whose database is not open. */
  accountsEnabled: (() => Promise<boolean>) | null
  /** Absent where no other machine may be reached (tests, the browser preview). */
  network?: OfficeNetwork
  /** The link to the host on a client PC; 'local' otherwise. */
  connection: () => OfficeConnection
}

export const localConnection: OfficeConnection = {
  state: 'local',
  hostName: null,
  address: null,
  port: null,
  since: null,
  message: null,
  seenFingerprint: null,
}

/** The 办公室共享 screen, on a 单机 or 主机 PC: answered by the core over its own database. */
export function officeHandlers(ctx: CoreContext): DomainHandlers<ChannelsOf<'office'>> {
  return officeSettingsHandlers({
    dataDir: ctx.dataDir,
    accountsEnabled: () => ctx.accounts.isEnabled(),
    network: ctx.officeNetwork,
    connection: () => localConnection,
  })
}

/**
 * The 办公室共享 screen's channels over this PC's office.json, on any PC: a client
 * answers them itself (remote/clientDispatch.ts), since they are about this PC.
 * The mode is only stored here: the shell reads office.json at start and acts on
 * it, so a change takes effect at the next start. Going from 单机 to 主机 leaves
 * the database as it is; a client's own database stays untouched.
 */
export function officeSettingsHandlers(deps: OfficeSettingsDeps): DomainHandlers<ChannelsOf<'office'>> {
  const { dataDir } = deps
  const status = async (): Promise<OfficeStatus> => {
    const { config, problem } = readOfficeConfig(dataDir)
    const hosting = runningOfficeHost(dataDir)
    return {
      mode: config.mode,
      hostname: hostname(),
      addresses: lanAddresses(),
      port: hosting?.port ?? config.hostPort,
      fingerprint: hosting?.fingerprint ?? hostFingerprint(dataDir),
      hosting: hosting !== null,
      accountsEnabled: deps.accountsEnabled ? await deps.accountsEnabled() : false,
      client: config.client,
      problem: problem ?? (config.mode === 'host' && !hosting ? officeHostFailure(dataDir) : null),
    }
  }
  const network = (): OfficeNetwork => {
    if (!deps.network) throw new AppError('CONFLICT', noNetworkMessage)
    return deps.network
  }
  return {
    'office.status': status,
    'office.setMode': async (input) => {
      const { config } = readOfficeConfig(dataDir)
      let next: OfficeConfig
      if (input.mode === 'host') {
        if (!deps.accountsEnabled) {
          throw new AppError('CONFLICT', '这台电脑正连接到主机：请先改回单机并重新启动，再设为主机')
        }
        if (!(await deps.accountsEnabled())) {
          throw new AppError('CONFLICT', '请先在「用户与权限」中开启多用户：其他电脑要凭各自的账号登录主机')
        }
        next = { ...config, mode: 'host', hostPort: input.port ?? config.hostPort }
      } else if (input.mode === 'client') {
        const { address, port, fingerprint } = input
        const kept = config.client
        const sameHost = kept?.address === address && kept.port === port && kept.fingerprint === fingerprint
        next = {
          ...config,
          mode: 'client',
          client: { address, port, fingerprint, ...(sameHost && kept.hostname ? { hostname: kept.hostname } : {}) },
        }
      } else {
        next = { ...config, mode: 'single' }
      }
      writeOfficeConfig(dataDir, next)
      return status()
    },
    'office.probe': async ({ host, port }) => network().probe(host, port),
    'office.connect': async ({ host, port, fingerprint }) => {
      // Asked again: what is pinned must be what the host shows now, not what it showed when the user looked.
      const seen = await network().probe(host, port)
      if (seen.fingerprint !== fingerprint) {
        throw new AppError(
          'CONFLICT',
          `主机现在出示的证书指纹（${seen.fingerprint}）与核对的不同，未保存。请再次核对主机「办公室共享」中显示的指纹`,
        )
      }
      if (!seen.accountsEnabled) {
        throw new AppError('CONFLICT', `主机 ${seen.hostname} 未开启多用户：请先在主机的「用户与权限」中开启，再连接`)
      }
      const { config } = readOfficeConfig(dataDir)
      writeOfficeConfig(dataDir, {
        ...config,
        mode: 'client',
        client: { address: host, port, fingerprint, hostname: seen.hostname.slice(0, 64) },
      })
      return status()
    },
    'office.discover': async ({ seconds }) => network().discover(seconds ?? 3),
    'office.connection': async () => deps.connection(),
  }
}
