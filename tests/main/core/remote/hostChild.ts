import { openCore } from '../../../../src/main/core/openCore'
import { startOfficeHost } from '../../../../src/main/core/office/startOfficeHost'
import type { Dispatch } from '../../../../src/main/core/dispatch'

/**
 * Run by the remote tests with tsx: the office host in its own process on
 * 127.0.0.1 (never the LAN), on the port given (0 = any free one, a number = the
 * same port again after a restart). Prints one JSON line once listening, then a
 * line `call <channel>` for every call the host's dispatch receives, so a test can
 * tell that a refused client sent nothing.
 * Usage: tsx hostChild.ts <dataDir> <port>
 */
async function main(): Promise<void> {
  const [dataDir, port] = process.argv.slice(2) as [string, string]
  const core = await openCore(dataDir)
  const counted: Dispatch = (channel, input, token) => {
    process.stdout.write(`call ${channel}\n`)
    return core.dispatch(channel, input, token)
  }
  const host = await startOfficeHost({
    core: { dispatch: counted },
    dataDir,
    port: Number(port),
    bind: '127.0.0.1',
    hostname: 'office-host',
    addresses: () => ['192.168.31.20'],
  })
  process.stdout.write(`${JSON.stringify({ port: host.port, fingerprint: host.fingerprint })}\n`)
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
