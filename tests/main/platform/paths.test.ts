import { join, resolve } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { dataDirFromArgs } from '../../../src/main/platform/paths'

vi.mock('electron', () => ({ app: {} }))

describe('dataDirFromArgs', () => {
  const userData = resolve('/users/me/AppData/Roaming/客情管家')
  const cwd = resolve('/work')

  it('is <userData>/data by default', () => {
    expect(dataDirFromArgs(['客情管家.exe'], userData, cwd)).toBe(join(userData, 'data'))
  })

  it('takes --data <folder> or --data=<folder>, relative to the working folder', () => {
    expect(dataDirFromArgs(['exe', '--data', '/mnt/usb/账本'], userData, cwd)).toBe(resolve('/mnt/usb/账本'))
    expect(dataDirFromArgs(['exe', '--data=books'], userData, cwd)).toBe(resolve(cwd, 'books'))
  })

  it('ignores a --data without a folder', () => {
    expect(dataDirFromArgs(['exe', '--data'], userData, cwd)).toBe(join(userData, 'data'))
    expect(dataDirFromArgs(['exe', '--data', '--inspect'], userData, cwd)).toBe(join(userData, 'data'))
    expect(dataDirFromArgs(['exe', '--data='], userData, cwd)).toBe(join(userData, 'data'))
  })
})
