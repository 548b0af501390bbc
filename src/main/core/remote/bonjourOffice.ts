import { Bonjour, type Service } from 'bonjour-service'
import type { FoundHost } from '../../../shared/office'

/** DNS-SD type the host announces: _kqgj._tcp. */
export const serviceType = 'kqgj'

export interface BonjourOffice {
  /** Browses the LAN for hosts for `seconds`, then stops. */
  discover(seconds: number): Promise<FoundHost[]>
  /** Announces this PC as a host until the returned function is called. */
  publish(name: string, port: number): () => void
  /** Sends the goodbyes and closes the multicast socket (the app quits). */
  destroy(): void
}

/**
 * mDNS/DNS-SD over bonjour-service. Untested here, on purpose: it sends multicast
 * on every interface, which no test may do on this machine (tests pass their own
 * OfficeNetwork). The socket is only opened on the first browse or announcement:
 * a 单机 PC that never opens 办公室共享 sends nothing.
 */
export function createBonjourOffice(): BonjourOffice {
  let bonjour: Bonjour | undefined
  const open = () => (bonjour ??= new Bonjour({}, (error: unknown) => console.error('[mDNS]', error)))
  return {
    discover: (seconds) =>
      new Promise((resolve) => {
        const found = new Map<string, FoundHost>()
        const browser = open().find({ type: serviceType, protocol: 'tcp' }, (service: Service) => {
          const host = firstIpv4(service.addresses) ?? service.host
          if (!host || !service.port) return
          found.set(`${host}:${service.port}`, { name: service.name, host, port: service.port })
        })
        setTimeout(() => {
          browser.stop()
          resolve([...found.values()].sort((a, b) => a.name.localeCompare(b.name)))
        }, seconds * 1000)
      }),
    publish: (name, port) => {
      const service = open().publish({ name, type: serviceType, protocol: 'tcp', port, txt: { app: 'kqgj' } })
      return () => service.stop?.()
    },
    destroy: () => {
      bonjour?.unpublishAll(() => bonjour?.destroy())
    },
  }
}

function firstIpv4(addresses: readonly string[] | undefined): string | undefined {
  return addresses?.find((address) => /^\d{1,3}(\.\d{1,3}){3}$/.test(address))
}
