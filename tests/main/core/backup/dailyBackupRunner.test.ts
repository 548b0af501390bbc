import { afterEach, describe, expect, it, vi } from 'vitest'
import { dailyBackupCheckMs, startDailyBackups } from '../../../../src/main/core/backup/dailyBackup'

afterEach(() => {
  vi.useRealTimers()
})

describe('startDailyBackups (the runner of the Electron shell and the browser preview)', () => {
  it('asks the core at once, then hourly, reports failures, and stops when told', async () => {
    vi.useFakeTimers({ now: new Date(2026, 10, 23, 23, 30) })
    const asked: Date[] = []
    const errors: unknown[] = []
    const runIfDue = async (now: Date) => {
      asked.push(now)
      if (asked.length === 2) throw new Error('磁盘已满')
    }
    const stop = startDailyBackups(runIfDue, (error) => errors.push(error))
    expect(asked).toHaveLength(1)

    await vi.advanceTimersByTimeAsync(dailyBackupCheckMs)
    expect(asked.map((d) => d.getHours())).toEqual([23, 0])
    expect(errors).toEqual([new Error('磁盘已满')])

    await vi.advanceTimersByTimeAsync(dailyBackupCheckMs)
    expect(asked).toHaveLength(3)
    stop()
    await vi.advanceTimersByTimeAsync(5 * dailyBackupCheckMs)
    expect(asked).toHaveLength(3)
  })
})
