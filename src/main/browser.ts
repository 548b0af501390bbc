import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { officeModeLabels } from '../shared/office'
import { AppError } from './core/appError'
import { startDailyBackups } from './core/backup/dailyBackup'
import type { Dispatch } from './core/dispatch'
import { createHostChangeRelay } from './core/live/hostChangeRelay'
import { readOfficeConfig } from './core/office/officeConfig'
import { startChosenOfficeHost } from './core/office/startChosenOfficeHost'
import { officeHostFailure } from './core/office/startOfficeHost'
import { openingViewsDelayMs } from './core/analysis/analysisAnswers'
import { openCore } from './core/openCore'
import { startPreviewServer } from './core/preview/previewServer'
import { startOfficeClient } from './core/remote/startOfficeClient'

/**
 * `npm run browser -- --port 5199 --data <folder> [--office-bind 127.0.0.1]`: the
 * built renderer and the same handler map as the Electron app, on 127.0.0.1, for
 * tests and screenshots. It runs the way the folder's office.json says, as the app
 * does: 主机 also serves the office (bound to --office-bind), 连接到主机 opens no
 * database and works on the host's data.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '5199' },
      data: { type: 'string' },
      'office-bind': { type: 'string', default: '0.0.0.0' },
    },
  })
  if (!values.data) {
    console.error('请用 --data <文件夹> 指定数据文件夹')
    process.exit(2)
  }
  const dataDir = resolve(values.data)
  const { config: office } = readOfficeConfig(dataDir)
  const rendererDir = resolve(__dirname, '../renderer')
  const port = Number(values.port)
  const stops: (() => unknown)[] = []
  let where: string

  if (office.mode === 'client' && office.client) {
    const { client } = office
    const officeClient = startOfficeClient({ dataDir, client })
    // As the app's window: the host's changes are asked for with the session this preview's page last used.
    let latest: string | null = null
    const dispatch: Dispatch = (channel, input, token) => {
      latest = typeof token === 'string' && token !== '' ? token : null
      return officeClient.dispatch(channel, input, token)
    }
    const relay = createHostChangeRelay({
      host: client.address,
      port: client.port,
      fingerprint: client.fingerprint,
      token: () => latest,
    })
    // The preview's /events only subscribes; nothing here publishes, the host does.
    const changes = { publish: () => {}, subscribe: relay.subscribe }
    const preview = await startPreviewServer({ dispatch, changes, rendererDir, port })
    stops.push(preview.close, relay.close, officeClient.close)
    where = `${preview.url}  数据：${dataDir}  方式：${officeModeLabels.client} ${client.address}:${client.port}`
  } else {
    const core = await openCore(dataDir, {
      version: process.env.npm_package_version ?? '0.0.0',
      warmAnalysesAfterMs: openingViewsDelayMs,
      onUnexpected: (channel, error) => console.error(`[${channel}]`, error),
    })
    const host = await startChosenOfficeHost(core, dataDir, values['office-bind'])
    const preview = await startPreviewServer({ dispatch: core.dispatch, changes: core.changes, rendererDir, port })
    // The same daily backup as the Electron app, from the same runner.
    const stopDailyBackups = startDailyBackups(core.runDailyBackupIfDue, (error) =>
      console.error('自动备份失败', error),
    )
    // The host closes before the database it serves.
    stops.push(stopDailyBackups, preview.close, () => host?.close(), core.close)
    const hosting = host
      ? ` ${values['office-bind']}:${host.port}`
      : office.mode === 'host'
        ? `（${officeHostFailure(dataDir) ?? '未能启动'}）`
        : ''
    where = `${preview.url}  数据：${dataDir}  方式：${officeModeLabels[office.mode]}${hosting}`
  }
  console.log(`客情管家浏览器预览：${where}`)

  const stop = async (): Promise<void> => {
    for (const step of stops) await step()
    process.exit(0)
  }
  process.on('SIGINT', () => void stop())
  process.on('SIGTERM', () => void stop())
}

main().catch((error: unknown) => {
  console.error(error instanceof AppError ? error.message : error)
  process.exit(1)
})
