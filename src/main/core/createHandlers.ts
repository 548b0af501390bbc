import { interactionHandlers } from './activity/interactionHandlers'
import { analysisHandlers } from './analysis/analysisHandlers'
import { saleHandlers } from './activity/saleHandlers'
import { backupHandlers } from './backup/backupHandlers'
import { customerHandlers } from './customers/customerHandlers'
import { groupHandlers } from './customers/groupHandlers'
import { demoHandlers } from './demo/demoHandlers'
import { dictionaryHandlers } from './dictionary/dictionaryHandlers'
import { excelExportHandlers } from './excelExport/excelExportHandlers'
import type { CoreContext, Handlers } from './handlerTypes'
import { latestSchemaVersion } from './db/migrations'
import { prefsHandlers } from './prefs/prefsHandlers'
import { regionHandlers } from './regions/regionHandlers'
import { relationshipHandlers } from './relationship/relationshipHandlers'
import { projectHandlers } from './projects/projectHandlers'
import { competitorHandlers } from './competitors/competitorHandlers'
import { feedbackHandlers } from './feedback/feedbackHandlers'
import { searchHandlers } from './search/searchHandlers'
import { importHandlers } from './excelImport/importHandlers'
import { customerMergeHandlers } from './customers/customerMergeHandlers'
import { reminderHandlers } from './reminders/reminderHandlers'
import { accountHandlers } from './accounts/accountHandlers'
import { ownershipHandlers } from './ownership/ownershipHandlers'
import { officeHandlers } from './office/officeHandlers'
import { contractHandlers } from './contracts/contractHandlers'
import { paymentHandlers } from './contracts/paymentHandlers'
import { receivableHandlers } from './contracts/receivableHandlers'

/** The one handler map, served by Electron's IPC and by the browser preview alike. */
export function createHandlers(ctx: CoreContext): Handlers {
  return {
    'app.info': async () => ({
      name: '客情管家',
      version: ctx.version,
      dataDir: ctx.dataDir,
      databasePath: ctx.store.databasePath,
      schemaVersion: latestSchemaVersion,
    }),
    ...dictionaryHandlers(ctx),
    ...analysisHandlers(ctx),
    ...regionHandlers(ctx),
    ...customerHandlers(ctx),
    ...groupHandlers(ctx),
    ...demoHandlers(ctx),
    ...prefsHandlers(ctx),
    ...interactionHandlers(ctx),
    ...saleHandlers(ctx),
    ...searchHandlers(ctx),
    ...importHandlers(ctx),
    ...customerMergeHandlers(ctx),
    ...excelExportHandlers(ctx),
    ...relationshipHandlers(ctx),
    ...reminderHandlers(ctx),
    ...projectHandlers(ctx),
    ...competitorHandlers(ctx),
    ...feedbackHandlers(ctx),
    ...backupHandlers(ctx),
    ...accountHandlers(ctx),
    ...ownershipHandlers(ctx),
    ...officeHandlers(ctx),
    ...contractHandlers(ctx),
    ...paymentHandlers(ctx),
    ...receivableHandlers(ctx),
  }
}
