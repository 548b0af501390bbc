import { hostname } from 'node:os'
import type { OfficeConfig, OfficeStatus } from '../../../shared/office'
import { AppError } from '../appError'
import type { CoreContext, DomainHandlers } from '../handlerTypes'
import { hostFingerprint } from './hostCertificate'
import { lanAddresses } from './lanAddresses'
import { readOfficeConfig, writeOfficeConfig } from './officeConfig'
import { officeHostFailure, runningOfficeHost } from './startOfficeHost'

/**
 * The 办公室共享 screen. The mode is only stored here: the shell reads office.json
 * at start and acts on it, so a change takes effect at the next start. Going from
 * 单机 to 主机 leaves the database as it is; a client's own database stays untouched.
 */
export function officeHandlers(ctx: CoreContext): DomainHandlers<'office.status' | 'office.setMode'> {
  const status = async (): Promise<OfficeStatus> => {
    const { config, problem } = readOfficeConfig(ctx.dataDir)
    const hosting = runningOfficeHost(ctx.dataDir)
    return {
      mode: config.mode,
      hostname: hostname(),
      addresses: lanAddresses(),
      port: hosting?.port ?? config.hostPort,
      fingerprint: hosting?.fingerprint ?? hostFingerprint(ctx.dataDir),
      hosting: hosting !== null,
      accountsEnabled: await ctx.accounts.isEnabled(),
      client: config.client,
      problem: problem ?? (config.mode === 'host' && !hosting ? officeHostFailure(ctx.dataDir) : null),
    }
  }
  return {
    'office.status': status,
    'office.setMode': async (input) => {
      const { config } = readOfficeConfig(ctx.dataDir)
      let next: OfficeConfig
      if (input.mode === 'host') {
        if (!(await ctx.accounts.isEnabled())) {
          throw new AppError('CONFLICT', '请先在「用户与权限」中开启多用户：其他电脑要凭各自的账号登录主机')
        }
        next = { ...config, mode: 'host', hostPort: input.port ?? config.hostPort }
      } else if (input.mode === 'client') {
        const { address, port, fingerprint } = input
        next = { ...config, mode: 'client', client: { address, port, fingerprint } }
      } else {
        next = { ...config, mode: 'single' }
      }
      writeOfficeConfig(ctx.dataDir, next)
      return status()
    },
  }
}
