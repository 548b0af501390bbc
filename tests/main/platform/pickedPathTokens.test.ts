import { describe, expect, it } from 'vitest'
import { createPickedPathTokens } from '../../../src/main/platform/pickedPathTokens'

describe('createPickedPathTokens', () => {
  it('gives back the picked path once, for its own kind only', () => {
    const tokens = createPickedPathTokens()
    const file = tokens.issue('E:\\备份\\上周.sqlite', 'restoreFile')
    const folder = tokens.issue('E:\\备份', 'backupFolder')
    expect(file).not.toBe(folder)
    expect(file).toMatch(/^[0-9a-f-]{36}$/)

    expect(tokens.take(folder, 'restoreFile')).toBeUndefined()
    expect(tokens.take(file, 'backupFolder')).toBeUndefined()
    expect(tokens.take(file, 'restoreFile')).toBe('E:\\备份\\上周.sqlite')
    expect(tokens.take(file, 'restoreFile')).toBeUndefined()
    expect(tokens.take(folder, 'backupFolder')).toBe('E:\\备份')
  })

  it('knows nothing of a path, a made-up token or an empty one', () => {
    const tokens = createPickedPathTokens()
    tokens.issue('/home/me/备份.sqlite', 'restoreFile')
    for (const guess of ['/home/me/备份.sqlite', '00000000-0000-0000-0000-000000000000', '', '__proto__']) {
      expect(tokens.take(guess, 'restoreFile'), guess).toBeUndefined()
    }
  })

  it('keeps only the latest picks', () => {
    const tokens = createPickedPathTokens(3)
    const issued = ['a', 'b', 'c', 'd'].map((path) => tokens.issue(`/${path}`, 'restoreFile'))
    expect(issued.map((token) => tokens.take(token, 'restoreFile'))).toEqual([undefined, '/b', '/c', '/d'])
  })
})
