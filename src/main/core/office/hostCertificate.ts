import { X509Certificate, createPrivateKey } from 'node:crypto'
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { generate } from 'selfsigned'

export interface HostCertificate {
  key: string
  cert: string
  /** SHA-256 of the certificate, colon hex (AB:CD:…): what a client compares and pins. */
  fingerprint: string
  /** Made on this call (first start, or the files were missing or unusable). */
  created: boolean
}

/** Long enough that an office never meets an expired host: clients pin the fingerprint, not a CA. */
const validityYears = 10

export function hostCertificateFolder(dataDir: string): string {
  return join(dataDir, 'office')
}

/**
 * The host's certificate and key, kept in the data folder (office/host-cert.pem and
 * host-key.pem) so the fingerprint the clients pinned stays the same across starts.
 * Made on the first start, and again only when a file is missing or does not match
 * the other, which the clients then see as a changed certificate.
 */
export async function ensureHostCertificate(
  dataDir: string,
  names: { hostname: string; addresses: readonly string[] },
  now: Date = new Date(),
): Promise<HostCertificate> {
  const folder = hostCertificateFolder(dataDir)
  const certPath = join(folder, 'host-cert.pem')
  const keyPath = join(folder, 'host-key.pem')
  const kept = readPair(certPath, keyPath)
  if (kept) return { ...kept, created: false }

  // The .local name is what mDNS (Bonjour) resolves the PC by.
  const dnsNames = [names.hostname, `${names.hostname}.local`, 'localhost'].filter(isDnsName)
  const ips = [...new Set([...names.addresses, '127.0.0.1'])]
  const notAfterDate = new Date(now)
  notAfterDate.setFullYear(notAfterDate.getFullYear() + validityYears)
  const pems = await generate([{ name: 'commonName', value: names.hostname.slice(0, 64) || 'kqgj-host' }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    // An hour back, so a client whose clock runs a little behind the host's still accepts it.
    notBeforeDate: new Date(now.getTime() - 3_600_000),
    notAfterDate,
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          ...dnsNames.map((value) => ({ type: 2 as const, value })),
          ...ips.map((ip) => ({ type: 7 as const, ip })),
        ],
      },
    ],
  })
  mkdirSync(folder, { recursive: true })
  // The key first: a certificate on disk without its key would be thrown away next start anyway.
  writeAtomically(keyPath, pems.private, 0o600)
  writeAtomically(certPath, pems.cert, 0o644)
  return {
    key: pems.private,
    cert: pems.cert,
    fingerprint: new X509Certificate(pems.cert).fingerprint256,
    created: true,
  }
}

/** The fingerprint of the certificate on disk, or null before the host's first start. */
export function hostFingerprint(dataDir: string): string | null {
  const folder = hostCertificateFolder(dataDir)
  return readPair(join(folder, 'host-cert.pem'), join(folder, 'host-key.pem'))?.fingerprint ?? null
}

function readPair(certPath: string, keyPath: string): Omit<HostCertificate, 'created'> | null {
  if (!existsSync(certPath) || !existsSync(keyPath)) return null
  try {
    const cert = readFileSync(certPath, 'utf8')
    const key = readFileSync(keyPath, 'utf8')
    const x509 = new X509Certificate(cert)
    if (!x509.checkPrivateKey(createPrivateKey(key))) return null
    return { key, cert, fingerprint: x509.fingerprint256 }
  } catch {
    return null
  }
}

function writeAtomically(path: string, text: string, mode: number): void {
  const temporary = `${path}.${process.pid}.tmp`
  try {
    writeFileSync(temporary, text, { mode, flush: true })
    // The mode given to writeFileSync only applies to a file it creates and passes through the umask.
    chmodSync(temporary, mode)
    renameSync(temporary, path)
  } finally {
    rmSync(temporary, { force: true })
  }
}

function isDnsName(name: string): boolean {
  return /^[A-Za-z0-9]([A-Za-z0-9-]{0,62})(\.[A-Za-z0-9]([A-Za-z0-9-]{0,62}))*$/.test(name)
}
