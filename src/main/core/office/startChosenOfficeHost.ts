import type { Dispatch } from '../dispatch'
import type { ChangeFeed } from '../live/changeFeed'
import { readOfficeConfig } from './officeConfig'
import { recordHostFailure, startOfficeHost, type OfficeHost } from './startOfficeHost'

/**
 * What the shell calls once the core is open: serves the office when office.json
 * says 主机. A host that cannot start (its port taken by another program) leaves
 * the app working on this PC; the 办公室共享 screen says why.
 */
export async function startChosenOfficeHost(
  core: { dispatch: Dispatch; changes?: ChangeFeed },
  dataDir: string,
  // Every interface on an office PC; tests bind 127.0.0.1.
  bind = '0.0.0.0',
): Promise<OfficeHost | null> {
  const { config } = readOfficeConfig(dataDir)
  if (config.mode !== 'host') return null
  try {
    return await startOfficeHost({ core, dataDir, port: config.hostPort, bind })
  } catch (error) {
    const code = (error as { code?: string } | null)?.code
    recordHostFailure(
      dataDir,
      code === 'EADDRINUSE'
        ? `主机服务未能启动：端口 ${config.hostPort} 已被其他程序占用，请换一个端口后重新启动`
        : `主机服务未能启动：${String(error)}`,
    )
    return null
  }
}
