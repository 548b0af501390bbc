import { backupNamePattern, type BackupKind } from '../../../shared/backup'

export interface ParsedBackupName {
  name: string
  kind: BackupKind
  /** Local wall-clock time the name records. */
  takenAt: Date
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0')

/** kqgj-20261123-141500-auto.sqlite; `serial` tells apart two backups of the same second. */
export function backupFileName(takenAt: Date, kind: BackupKind, serial = 0): string {
  const day = `${takenAt.getFullYear()}${pad(takenAt.getMonth() + 1)}${pad(takenAt.getDate())}`
  const time = `${pad(takenAt.getHours())}${pad(takenAt.getMinutes())}${pad(takenAt.getSeconds())}`
  return `kqgj-${day}-${time}${serial > 0 ? `-${serial}` : ''}-${kind}.sqlite`
}

export function parseBackupName(name: string): ParsedBackupName | null {
  const match = backupNamePattern.exec(name)
  if (!match) return null
  const [, day, time, , kind] = match
  const takenAt = new Date(
    Number(day.slice(0, 4)),
    Number(day.slice(4, 6)) - 1,
    Number(day.slice(6, 8)),
    Number(time.slice(0, 2)),
    Number(time.slice(2, 4)),
    Number(time.slice(4, 6)),
  )
  if (Number.isNaN(takenAt.getTime())) return null
  return { name, kind: kind as BackupKind, takenAt }
}

/** Local time as 2026-11-23T14:15:00, the form the renderer shows. */
export function localIso(date: Date): string {
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}` +
    `T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`
  )
}

/** Sorts newest first; the name breaks ties so the order never depends on the folder listing. */
export function newestFirst<T extends { takenAt: Date; name: string }>(a: T, b: T): number {
  return b.takenAt.getTime() - a.takenAt.getTime() || (a.name < b.name ? 1 : a.name > b.name ? -1 : 0)
}
