import { AsyncLocalStorage } from 'node:async_hooks'

let turn: Promise<unknown> = Promise.resolve()
const holdingTurn = new AsyncLocalStorage<true>()

/**
 * Every backup of the process — 立即备份, the daily one, the copy a restore saves
 * first and the one before a schema upgrade — runs here, one after the other.
 * Two at once chose the same name and wrote into the same temporary file; and a
 * restore must not swap the database file while a backup still reads it.
 *
 * A request made while another backup runs waits for it and then takes its own:
 * handing back the running one instead would give a copy begun before the user
 * asked, which may lack the change they just saved.
 *
 * Work that already has the turn runs at once when it asks again: a restore
 * holds the turn from its undo copy until the restored file is open, and opening
 * an older file takes the pre-upgrade backup on the way.
 */
export function oneBackupAtATime<T>(work: () => Promise<T>): Promise<T> {
  if (holdingTurn.getStore()) return work()
  const run = turn.then(() => holdingTurn.run(true, work))
  turn = run.catch(() => undefined)
  return run
}
