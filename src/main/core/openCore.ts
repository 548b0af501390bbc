import { join } from 'node:path'
import { createDispatch, type Dispatch, type DispatchOptions } from './dispatch'
import { createHandlers } from './createHandlers'
import { openStore } from './db/openStore'
import type { Handlers } from './handlerTypes'
import type { Store } from './store'

export const databaseFileName = 'kqgj.sqlite'

export interface Core {
  store: Store
  handlers: Handlers
  dispatch: Dispatch
  close(): Promise<void>
}

/** Opens the data folder's database and builds the handler map over it. */
export async function openCore(dataDir: string, options: DispatchOptions & { version?: string } = {}): Promise<Core> {
  const { store } = await openStore(join(dataDir, databaseFileName))
  const handlers = createHandlers({ store, dataDir, version: options.version ?? '0.0.0' })
  return { store, handlers, dispatch: createDispatch(handlers, options), close: () => store.close() }
}
