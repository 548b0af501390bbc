import type { FoundHost, OfficeProbe } from '../../../shared/office'

/**
 * What a PC needs of the network to find and first reach a host. The shell
 * passes the real one (remote/probeHost.ts and remote/bonjourOffice.ts); a core
 * without it (tests, the fuzz, the browser preview) reaches no other machine,
 * and tests pass their own, so no test ever sends multicast.
 */
export interface OfficeNetwork {
  /** The certificate and name of the host at this address; see probeHost. */
  probe(host: string, port: number): Promise<OfficeProbe>
  /** The hosts that announced themselves on the LAN within `seconds`. */
  discover(seconds: number): Promise<FoundHost[]>
}

export const noNetworkMessage = '这里不能连接其他电脑：只有桌面程序能搜索和连接主机'
