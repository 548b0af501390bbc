import { networkInterfaces, type NetworkInterfaceInfo } from 'node:os'

/**
 * This PC's IPv4 addresses on the office network, for the 办公室共享 screen and the
 * certificate. Loopback and link-local (169.254.x.x, which Windows gives an adapter
 * that found no DHCP server) are left out: no other PC reaches the host through them.
 */
export function lanAddresses(interfaces: NodeJS.Dict<NetworkInterfaceInfo[]> = networkInterfaces()): string[] {
  const found = new Set<string>()
  for (const entries of Object.values(interfaces)) {
    for (const entry of entries ?? []) {
      if (entry.family !== 'IPv4' || entry.internal) continue
      if (entry.address.startsWith('169.254.') || entry.address.startsWith('127.')) continue
      found.add(entry.address)
    }
  }
  return [...found].sort(compareAddresses)
}

/** 192.168.1.9 before 192.168.1.20, as a person reads them. */
function compareAddresses(a: string, b: string): number {
  const left = a.split('.').map(Number)
  const right = b.split('.').map(Number)
  for (let i = 0; i < 4; i++) {
    const diff = (left[i] ?? 0) - (right[i] ?? 0)
    if (diff !== 0) return diff
  }
  return 0
}
