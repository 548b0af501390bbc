import { X509Certificate, createPrivateKey } from 'node:crypto'
import { readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ensureHostCertificate, hostFingerprint } from '../../../../src/main/core/office/hostCertificate'
import { tempDir } from '../../../helpers/tempDir'

const names = { hostname: 'DESKTOP-AB12CD', addresses: ['192.168.1.20', '10.0.0.5'] }

describe('the host certificate', () => {
  it('is made on first start for the PC’s name and addresses, valid ten years, its key readable by the owner only', async () => {
    const dataDir = tempDir('host-cert')
    expect(hostFingerprint(dataDir)).toBeNull()
    const now = new Date('2026-12-06T09:00:00Z')
    const made = await ensureHostCertificate(dataDir, names, now)
    expect(made.created).toBe(true)
    const x509 = new X509Certificate(made.cert)
    expect(x509.subject).toBe('CN=DESKTOP-AB12CD')
    expect(x509.subjectAltName).toBe(
      'DNS:DESKTOP-AB12CD, DNS:DESKTOP-AB12CD.local, DNS:localhost, IP Address:192.168.1.20, IP Address:10.0.0.5, IP Address:127.0.0.1',
    )
    expect(new Date(x509.validFrom).getTime()).toBeLessThanOrEqual(now.getTime())
    expect(new Date(x509.validTo).toISOString().slice(0, 10)).toBe('2036-12-06')
    expect(x509.checkPrivateKey(createPrivateKey(made.key))).toBe(true)
    expect(made.fingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/)
    expect(made.fingerprint).toBe(x509.fingerprint256)
    expect(hostFingerprint(dataDir)).toBe(made.fingerprint)
    expect(readFileSync(join(dataDir, 'office', 'host-key.pem'), 'utf8')).toBe(made.key)
    if (process.platform !== 'win32') {
      expect(statSync(join(dataDir, 'office', 'host-key.pem')).mode & 0o777).toBe(0o600)
    }
  })

  it('is reused on later starts, even when the PC’s addresses changed', async () => {
    const dataDir = tempDir('host-cert')
    const first = await ensureHostCertificate(dataDir, names)
    const again = await ensureHostCertificate(dataDir, { hostname: names.hostname, addresses: ['192.168.1.77'] })
    expect(again).toEqual({ ...first, created: false })
  })

  it('is made anew when either file is gone or the key does not belong to the certificate', async () => {
    const dataDir = tempDir('host-cert')
    const first = await ensureHostCertificate(dataDir, names)
    rmSync(join(dataDir, 'office', 'host-key.pem'))
    const second = await ensureHostCertificate(dataDir, names)
    expect(second.created).toBe(true)
    expect(second.fingerprint).not.toBe(first.fingerprint)

    const other = await ensureHostCertificate(tempDir('host-cert'), names)
    writeFileSync(join(dataDir, 'office', 'host-key.pem'), other.key)
    expect(hostFingerprint(dataDir)).toBeNull()
    const third = await ensureHostCertificate(dataDir, names)
    expect(third.created).toBe(true)
    expect(third.fingerprint).not.toBe(second.fingerprint)
  })

  it('leaves a PC name that is no DNS name out of the names but keeps it as the common name', async () => {
    const made = await ensureHostCertificate(tempDir('host-cert'), { hostname: '财务室_电脑', addresses: [] })
    const x509 = new X509Certificate(made.cert)
    expect(x509.subject).toBe('CN=财务室_电脑')
    expect(x509.subjectAltName).toBe('DNS:localhost, IP Address:127.0.0.1')
  })
})
