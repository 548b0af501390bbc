import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { lanAddresses } from '../../../../src/main/core/office/lanAddresses'
import { officeConfigPath, readOfficeConfig, writeOfficeConfig } from '../../../../src/main/core/office/officeConfig'
import { defaultOfficeConfig } from '../../../../src/shared/office'
import { tempDir } from '../../../helpers/tempDir'

const fingerprint = Array.from({ length: 32 }, (_, i) => (i * 7).toString(16).padStart(2, '0').toUpperCase()).join(':')

describe('office.json', () => {
  it('is 单机 on port 17890 while there is no file', () => {
    expect(readOfficeConfig(tempDir('office-config'))).toEqual({ config: defaultOfficeConfig, problem: null })
    expect(defaultOfficeConfig).toEqual({ mode: 'single', hostPort: 17890, client: null })
  })

  it('reads back what was written, and leaves no temporary file beside it', () => {
    const dataDir = tempDir('office-config')
    const config = {
      mode: 'client' as const,
      hostPort: 18000,
      client: { address: '192.168.1.20', port: 18000, fingerprint },
    }
    writeOfficeConfig(dataDir, config)
    expect(readOfficeConfig(dataDir)).toEqual({ config, problem: null })
    expect(readdirSync(dataDir)).toEqual(['office.json'])
    writeOfficeConfig(dataDir, { ...config, mode: 'single' })
    expect(readOfficeConfig(dataDir).config).toEqual({ ...config, mode: 'single' })
  })

  it('fills a missing port and client from the defaults (a file written by hand)', () => {
    const dataDir = tempDir('office-config')
    writeFileSync(officeConfigPath(dataDir), '{"mode":"host"}')
    expect(readOfficeConfig(dataDir)).toEqual({
      config: { mode: 'host', hostPort: 17890, client: null },
      problem: null,
    })
  })

  it('runs as 单机 and says why when the file is damaged or wrong, without touching it', () => {
    const dataDir = tempDir('office-config')
    writeFileSync(officeConfigPath(dataDir), '{"mode":"host",')
    expect(readOfficeConfig(dataDir)).toEqual({
      config: defaultOfficeConfig,
      problem: 'office.json 无法读取，已按单机方式运行',
    })
    writeFileSync(officeConfigPath(dataDir), '{"mode":"server","hostPort":80}')
    expect(readOfficeConfig(dataDir)).toEqual({
      config: defaultOfficeConfig,
      problem: 'office.json 内容有误，已按单机方式运行',
    })
    expect(readFileSync(officeConfigPath(dataDir), 'utf8')).toBe('{"mode":"server","hostPort":80}')
  })

  it('refuses to write what it could not read back', () => {
    const dataDir = tempDir('office-config')
    expect(() => writeOfficeConfig(dataDir, { ...defaultOfficeConfig, hostPort: 80 })).toThrow('端口不能小于 1024')
    expect(readdirSync(dataDir)).toEqual([])
  })
})

describe('lanAddresses', () => {
  const entry = (address: string, family: 'IPv4' | 'IPv6', internal = false) => ({
    address,
    family,
    internal,
    netmask: '255.255.255.0',
    mac: '00:00:00:00:00:00',
    cidr: null,
    ...(family === 'IPv6' ? { scopeid: 0 } : {}),
  })

  it('lists the IPv4 addresses other PCs can reach, in a person’s order, once each', () => {
    const interfaces = {
      lo: [entry('127.0.0.1', 'IPv4', true), entry('::1', 'IPv6', true)],
      以太网: [entry('192.168.1.20', 'IPv4'), entry('fe80::1', 'IPv6')],
      WLAN: [entry('192.168.1.9', 'IPv4'), entry('10.0.0.5', 'IPv4')],
      // Windows gives an adapter that found no DHCP server a 169.254 address nobody reaches.
      'vEthernet (Default Switch)': [entry('169.254.10.3', 'IPv4')],
      dup: [entry('192.168.1.20', 'IPv4')],
    } as Parameters<typeof lanAddresses>[0]
    expect(lanAddresses(interfaces)).toEqual(['10.0.0.5', '192.168.1.9', '192.168.1.20'])
  })

  it('reads this machine’s own interfaces by default (none but loopback here is fine)', () => {
    for (const address of lanAddresses()) expect(address).toMatch(/^\d+\.\d+\.\d+\.\d+$/)
  })
})
