import { join, resolve } from 'node:path'
import { app } from 'electron'

/**
 * The data folder: `<userData>/data`, or the folder given as `--data <folder>` (or
 * `--data=<folder>`), e.g. a shortcut that opens a second set of books or a copy on a USB drive.
 */
export function dataDirFromArgs(argv: readonly string[], userDataDir: string, cwd: string): string {
  const folder = dataArgument(argv)
  return folder === undefined ? join(userDataDir, 'data') : resolve(cwd, folder)
}

function dataArgument(argv: readonly string[]): string | undefined {
  for (const [index, arg] of argv.entries()) {
    let value: string | undefined
    if (arg === '--data') value = argv[index + 1]
    else if (arg.startsWith('--data=')) value = arg.slice('--data='.length)
    if (value !== undefined && value.trim() !== '' && !value.startsWith('--')) return value
  }
  return undefined
}

export function dataDir(): string {
  return dataDirFromArgs(process.argv, app.getPath('userData'), process.cwd())
}

/** A file in the repo's resources/ folder, which is packed into app.asar next to out/. */
export function resourcePath(name: string): string {
  return join(app.getAppPath(), 'resources', name)
}
