let turn: Promise<unknown> = Promise.resolve()

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
 * `work` must not itself ask for a turn (it would wait for itself): inside,
 * call `takeBackupNow`, not `takeBackup`.
 */
export function oneBackupAtATime<T>(work: () => Promise<T>): Promise<T> {
  const run = turn.then(work)
  turn = run.catch(() => undefined)
  return run
}
