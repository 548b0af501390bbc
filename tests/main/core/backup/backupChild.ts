import { readFileSync } from 'node:fs'
import { openCore } from '../../../../src/main/core/openCore'

/**
 * Run by backupKill.test.ts with tsx, killed by it with SIGKILL at a random moment.
 * Usage: tsx backupChild.ts <dataDir> backups
 *          takes backups (立即备份 and the daily one for a new day each time) while
 *          customers are created, until killed;
 *        tsx backupChild.ts <dataDir> restore <backup name>
 *        tsx backupChild.ts <dataDir> upload <file>
 *          restores once, then closes. Prints `ready` just before the work it is to be killed in.
 */
async function main(): Promise<void> {
  const [dataDir, mode, arg] = process.argv.slice(2) as [string, string, string]
  const core = await openCore(dataDir, {})
  const call = async <T>(channel: string, input: unknown): Promise<T> => {
    const result = await core.dispatch(channel, input)
    if (!result.ok) throw new Error(`${channel}: ${result.error.message}`)
    return result.value as T
  }
  const input =
    mode === 'restore'
      ? { name: arg }
      : mode === 'upload'
        ? { upload: { fileName: 'x.sqlite', base64: readFileSync(arg).toString('base64') } }
        : null
  process.stdout.write('ready\n')
  if (input) {
    await call('backups.restore', input)
    process.stdout.write('restored\n')
  } else {
    for (let day = 1; ; day++) {
      const [created] = await Promise.all([
        call<{ name: string }>('backups.create', {}),
        core.runDailyBackupIfDue(new Date(2027, 0, day, 9)),
        call('customers.create', { name: `备份中新建的客户${day}` }),
      ])
      process.stdout.write(`backup ${created.name}\n`)
    }
  }
  await core.close()
  process.stdout.write('closed\n')
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`)
  process.exit(1)
})
