import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { AppError } from './core/appError'
import { startDailyBackups } from './core/backup/dailyBackup'
import { openCore } from './core/openCore'
import { startPreviewServer } from './core/preview/previewServer'

/**
 * `npm run browser -- --port 5199 --data <folder>`: the built renderer and the
 * same handler map as the Electron app, on 127.0.0.1, for tests and screenshots.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { port: { type: 'string', default: '5199' }, data: { type: 'string' } },
  })
  if (!values.data) {
    console.error('请用 --data <文件夹> 指定数据文件夹')
    process.exit(2)
  }
  const dataDir = resolve(values.data)
  const core = await openCore(dataDir, {
    version: process.env.npm_package_version ?? '0.0.0',
    onUnexpected: (channel, error) => console.error(`[${channel}]`, error),
  })
  const preview = await startPreviewServer({
    dispatch: core.dispatch,
    changes: core.changes,
    rendererDir: resolve(__dirname, '../renderer'),
    port: Number(values.port),
  })
  console.log(`客情管家浏览器预览：${preview.url}  数据：${dataDir}`)
  // The same daily backup as the Electron app, from the same runner.
  const stopDailyBackups = startDailyBackups(core.runDailyBackupIfDue, (error) => console.error('自动备份失败', error))
  const stop = async (): Promise<void> => {
    stopDailyBackups()
    await preview.close()
    await core.close()
    process.exit(0)
  }
  process.on('SIGINT', () => void stop())
  process.on('SIGTERM', () => void stop())
}

main().catch((error: unknown) => {
  console.error(error instanceof AppError ? error.message : error)
  process.exit(1)
})
