import { openCore } from '../../../../src/main/core/openCore'
import { startOfficeHost } from '../../../../src/main/core/office/startOfficeHost'

/**
 * Run by officeHost.test.ts with tsx: the office host as its own process, as on the
 * office's PC — a real core over the data folder given, served over HTTPS on
 * 127.0.0.1 (never the LAN in tests). Prints one JSON line with what the 办公室共享
 * screen shows, then serves until SIGTERM.
 * Usage: tsx officeHostChild.ts <dataDir>
 */
async function main(): Promise<void> {
  const [dataDir] = process.argv.slice(2) as [string]
  const core = await openCore(dataDir)
  const host = await startOfficeHost({
    core,
    dataDir,
    port: 0,
    bind: '127.0.0.1',
    hostname: 'office-host',
    // An address a LAN would give, for the Host check and the certificate; nothing is ever sent to it.
    addresses: () => ['192.168.31.20'],
  })
  process.stdout.write(
    `${JSON.stringify({ port: host.port, fingerprint: host.fingerprint, addresses: host.addresses })}\n`,
  )
  process.on('SIGTERM', () => {
    host
      .close()
      .then(() => core.close())
      .then(() => process.exit(0))
      .catch((error: unknown) => {
        console.error(error)
        process.exit(1)
      })
  })
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
