import type { OfficeClientSettings, OfficeConnection } from '../../../shared/office'
import type { Dispatch } from '../dispatch'
import { officeSettingsHandlers } from '../office/officeHandlers'
import type { OfficeNetwork } from '../office/officeNetwork'
import type { PickedPaths } from '../pickedPaths'
import { createClientDispatch } from './clientDispatch'
import { createRemoteDispatch } from './remoteDispatch'

export interface OfficeClient {
  /** What the window's IPC serves: the host's data, this PC's 办公室共享 settings. */
  dispatch: Dispatch
  status(): OfficeConnection
  close(): void
}

/**
 * A client PC as the shell starts it (office.json says 连接到主机): no database is
 * opened here, the PC's own file stays as it was for a switch back to 单机.
 */
export function startOfficeClient(options: {
  dataDir: string
  client: OfficeClientSettings
  pickedPaths?: PickedPaths
  network?: OfficeNetwork
  onStatus?: (status: OfficeConnection) => void
}): OfficeClient {
  const { client } = options
  const remote = createRemoteDispatch({
    host: client.address,
    port: client.port,
    fingerprint: client.fingerprint,
    hostName: client.hostname ?? client.address,
    onStatus: options.onStatus,
  })
  const office = officeSettingsHandlers({
    dataDir: options.dataDir,
    accountsEnabled: null,
    network: options.network,
    connection: () => remote.status(),
  })
  return {
    dispatch: createClientDispatch({ remote, office, pickedPaths: options.pickedPaths }),
    status: () => remote.status(),
    close: () => remote.close(),
  }
}

/** The window's title on a client PC: where its data lives, and whether it is reachable now. */
export function clientWindowTitle(appTitle: string, status: OfficeConnection): string {
  const name = status.hostName ?? status.address ?? ''
  if (status.state === 'connected') return `${appTitle} — 已连接到 ${name}`
  if (status.state === 'certificateChanged') return `${appTitle} — 主机 ${name} 的证书已改变，已拒绝连接`
  if (status.state === 'reconnecting') return `${appTitle} — 与主机 ${name} 的连接已断开，正在重新连接…`
  return `${appTitle} — 正在连接 ${name}…`
}
