import { interactionHandlers } from './activity/interactionHandlers'
import { saleHandlers } from './activity/saleHandlers'
import { customerHandlers } from './customers/customerHandlers'
import { groupHandlers } from './customers/groupHandlers'
import { demoHandlers } from './demo/demoHandlers'
import { dictionaryHandlers } from './dictionary/dictionaryHandlers'
import type { CoreContext, Handlers } from './handlerTypes'
import { latestSchemaVersion } from './db/migrations'
import { prefsHandlers } from './prefs/prefsHandlers'
import { regionHandlers } from './regions/regionHandlers'
import { relationshipHandlers } from './relationship/relationshipHandlers'
import { searchHandlers } from './search/searchHandlers'

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
    ...regionHandlers(ctx),
    ...customerHandlers(ctx),
    ...groupHandlers(ctx),
    ...demoHandlers(ctx),
    ...prefsHandlers(ctx),
    ...interactionHandlers(ctx),
    ...saleHandlers(ctx),
    ...searchHandlers(ctx),
    ...relationshipHandlers(ctx),
  }
}
