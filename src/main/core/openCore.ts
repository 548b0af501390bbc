import { join } from 'node:path'
import type { BackupInfo, StartupNotice } from '../../shared/backup'
import { runDailyBackupIfDue } from './backup/dailyBackup'
import { backupFolder } from './backup/backupSettings'
import { cleanUpAfterCrash } from './backup/cleanUpAfterCrash'
import { networkShareWarning } from './backup/networkShare'
import { newestGoodBackup, setAsideUnusableDatabase } from './backup/startupNotice'
import { createDispatch, type Dispatch, type DispatchOptions } from './dispatch'
import { createHandlers } from './createHandlers'
import { latestSchemaVersion } from './db/migrations'
import { openStore } from './db/openStore'
import type { CoreContext, Handlers } from './handlerTypes'
import type { PickedPaths } from './pickedPaths'
import type { OfficeNetwork } from './office/officeNetwork'
import type { Store } from './store'
import { AccountCache } from './accounts/accountCache'
import { AnalysisAnswers } from './analysis/analysisAnswers'
import { localToday } from './common/localTime'
import { changeFeedOf, publishingDispatch, type ChangeFeed } from './live/changeFeed'

export const databaseFileName = 'kqgj.sqlite'

export interface Core {
  store: Store
  handlers: Handlers
  dispatch: Dispatch
  /** Committed changes, for live updates of open screens (live/changeFeed.ts). */
  changes: ChangeFeed
  /** What start-up found; the shell shows it in a dialog, the renderer as a banner (app.startupNotice). */
  startupNotice: StartupNotice
  /** The daily backup's runner: the shell calls it at start and on a timer. */
  runDailyBackupIfDue(now: Date): Promise<BackupInfo | null>
  close(): Promise<void>
}

export interface OpenCoreOptions extends DispatchOptions {
  version?: string
  /** Set only after the user chose to set a newer-version file aside (see setAsideUnusableDatabase). */
  newerFile?: 'refuse' | 'moveAside'
  /** The platform's word that the data folder is on a network drive (a mapped drive letter). */
  dataDirIsRemote?: boolean
  clock?: () => Date
  /** The shell's dialogs' tokens (see pickedPaths.ts); the browser preview has none. */
  pickedPaths?: PickedPaths
  /** Finding and first reaching an office host (office/officeNetwork.ts); tests pass their own or none. */
  officeNetwork?: OfficeNetwork
  /**
   * Keep the analyses' answers until the data changes and compute again what was asked lately
   * (analysis/analysisAnswers.ts). On unless turned off: the bench measures each computation.
   */
  keepAnalyses?: boolean
  /** When set, the pages' opening analyses are made ready this long after start-up (the app and the preview). */
  warmAnalysesAfterMs?: number
}

/** Opens the data folder's database and builds the handler map over it. */
export async function openCore(dataDir: string, options: OpenCoreOptions = {}): Promise<Core> {
  const clock = options.clock ?? (() => new Date())
  const path = join(dataDir, databaseFileName)
  // Before the file is looked at: a restore cut short by a crash may still have to put its file in place.
  cleanUpAfterCrash(dataDir, path)
  const { movedAside, checked } = await setAsideUnusableDatabase(path, latestSchemaVersion, {
    newerFile: options.newerFile,
    now: clock(),
  })
  const { store } = await openStore(path, { now: clock(), checked })
  const startup = {
    notice: {
      movedAside,
      newestBackup: movedAside ? await newestGoodBackup(backupFolder(dataDir), latestSchemaVersion) : null,
      networkWarning: networkShareWarning(dataDir, options.dataDirIsRemote),
    },
  }
  const accounts = new AccountCache(store, clock)
  await accounts.load()
  const analyses = options.keepAnalyses === false ? undefined : new AnalysisAnswers(store, { today: localToday })
  if (analyses && options.warmAnalysesAfterMs !== undefined) analyses.warmOpeningViews(options.warmAnalysesAfterMs)
  const ctx: CoreContext = {
    store,
    accounts,
    dataDir,
    version: options.version ?? '0.0.0',
    clock,
    startup,
    pickedPaths: options.pickedPaths,
    officeNetwork: options.officeNetwork,
    analyses,
  }
  const handlers = createHandlers(ctx)
  const dailyRuns = new Set<Promise<unknown>>()
  const changes = changeFeedOf(store)
  return {
    store,
    handlers,
    dispatch: publishingDispatch(
      createDispatch(handlers, options, accounts.authenticate),
      changes,
      accounts.authenticate,
      clock,
    ),
    changes,
    get startupNotice() {
      return startup.notice
    },
    runDailyBackupIfDue: (now) => {
      const run = runDailyBackupIfDue(ctx, now)
      dailyRuns.add(run)
      void run.catch(() => undefined).finally(() => dailyRuns.delete(run))
      return run
    },
    close: async () => {
      // A backup reads through its own connection: the file is closed for good only after it.
      await Promise.allSettled([...dailyRuns])
      await analyses?.close()
      await store.close()
    },
  }
}
