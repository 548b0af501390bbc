import { describe, expect, it } from 'vitest'
import { parseBackupName, backupFileName, type ParsedBackupName } from '../../../../src/main/core/backup/backupNames'
import { backupsToPrune } from '../../../../src/main/core/backup/backupRetention'
import { isDailyBackupDue } from '../../../../src/main/core/backup/dailyBackup'
import type { BackupKind } from '../../../../src/shared/backup'

function backup(date: Date, kind: BackupKind = 'auto'): ParsedBackupName {
  const parsed = parseBackupName(backupFileName(date, kind))
  if (!parsed) throw new Error('bad name')
  return parsed
}

/** One automatic backup a day at 09:00 for `days` days ending on `last`. */
function dailyRun(last: Date, days: number): ParsedBackupName[] {
  return Array.from({ length: days }, (_, i) =>
    backup(new Date(last.getFullYear(), last.getMonth(), last.getDate() - i, 9)),
  )
}

describe('backup names', () => {
  it('round-trips time and kind, and refuses anything else', () => {
    const at = new Date(2026, 10, 23, 14, 15, 7)
    expect(backupFileName(at, 'manual')).toBe('kqgj-20261123-141507-manual.sqlite')
    expect(backupFileName(at, 'auto', 2)).toBe('kqgj-20261123-141507-2-auto.sqlite')
    expect(parseBackupName('kqgj-20261123-141507-2-auto.sqlite')).toEqual({
      name: 'kqgj-20261123-141507-2-auto.sqlite',
      kind: 'auto',
      takenAt: at,
    })
    for (const bad of ['../kqgj-20261123-141507-auto.sqlite', 'kqgj-20261123-141507-auto.sqlite.exe', 'x.sqlite', '']) {
      expect(parseBackupName(bad)).toBeNull()
    }
  })
})

describe('backupsToPrune', () => {
  it('after a year of daily backups keeps 7 daily, 4 weekly and 12 monthly (about 20 files)', () => {
    const last = new Date(2026, 10, 23) // a Monday
    const all = dailyRun(last, 400)
    const doomed = new Set(backupsToPrune(all))
    const kept = all.filter((b) => !doomed.has(b.name)).map((b) => b.name)
    // The last 7 days are all kept.
    for (const b of all.slice(0, 7)) expect(kept).toContain(b.name)
    // Saturday 11-14 is neither among the last 7 days nor its week's newest (Sunday 11-15): it goes.
    expect(kept).not.toContain(all[9].name)
    // Sundays of past weeks are kept (newest of their Monday–Sunday week): 2026-11-22, 11-15, 11-08 …
    expect(kept).toContain(backupFileName(new Date(2026, 10, 15, 9), 'auto'))
    expect(kept).toContain(backupFileName(new Date(2026, 10, 8, 9), 'auto'))
    // Month ends are kept for 12 months: 2026-10-31 … 2025-12-31, not 2025-11-30.
    expect(kept).toContain(backupFileName(new Date(2026, 9, 31, 9), 'auto'))
    expect(kept).toContain(backupFileName(new Date(2025, 11, 31, 9), 'auto'))
    expect(kept).not.toContain(backupFileName(new Date(2025, 10, 30, 9), 'auto'))
    expect(kept.length).toBeGreaterThanOrEqual(19)
    expect(kept.length).toBeLessThanOrEqual(23)
    // Pruning is stable: what is kept stays kept when run again.
    expect(backupsToPrune(all.filter((b) => !doomed.has(b.name)))).toEqual([])
  })

  it('keeps only the newest of several backups on one day', () => {
    const day = [8, 12, 18].map((h) => backup(new Date(2026, 10, 23, h)))
    expect(backupsToPrune(day).sort()).toEqual([day[0].name, day[1].name].sort())
  })

  it('never deletes manual backups and keeps the 5 newest undo copies', () => {
    const manual = dailyRun(new Date(2024, 0, 1), 50).map((b) => backup(b.takenAt, 'manual'))
    const undo = dailyRun(new Date(2026, 0, 10), 8).map((b) => backup(b.takenAt, 'undo'))
    const doomed = backupsToPrune([...manual, ...undo])
    expect(doomed.sort()).toEqual(
      undo
        .slice(5)
        .map((b) => b.name)
        .sort(),
    )
  })
})

describe('isDailyBackupDue', () => {
  const now = new Date(2026, 10, 23, 0, 5)
  it('is due when no automatic backup was taken today (local day)', () => {
    expect(isDailyBackupDue([new Date(2026, 10, 22, 23, 59)], now, true)).toBe(true)
    expect(isDailyBackupDue([new Date(2026, 10, 23, 0, 1)], now, true)).toBe(false)
    expect(isDailyBackupDue([], now, false)).toBe(false)
  })
})
