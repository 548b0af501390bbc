import { describe, expect, it } from 'vitest'
import { isOnMappedNetworkDrive } from '../../../src/main/platform/networkDrive'

describe('mapped network drive check', () => {
  const types: Record<string, string> = { C: '3', Z: '4', E: '2' }
  const asked: string[] = []
  const run = async (command: string): Promise<string> => {
    asked.push(command)
    const drive = /DeviceID='([A-Z]):'/.exec(command)?.[1] ?? ''
    return `${types[drive] ?? ''}\r\n`
  }

  it('is true only for a drive Windows reports as network (type 4)', async () => {
    expect(await isOnMappedNetworkDrive('Z:\\客情管家\\data', run, 'win32')).toBe(true)
    expect(await isOnMappedNetworkDrive('z:/data', run, 'win32')).toBe(true)
    expect(await isOnMappedNetworkDrive('C:\\Users\\李\\AppData\\Roaming\\客情管家\\data', run, 'win32')).toBe(false)
    expect(await isOnMappedNetworkDrive('E:\\备份', run, 'win32')).toBe(false)
  })

  it('asks nothing for UNC paths, other systems, or a path with no drive letter', async () => {
    asked.length = 0
    expect(await isOnMappedNetworkDrive('\\\\server\\share\\data', run, 'win32')).toBe(false)
    expect(await isOnMappedNetworkDrive('/home/li/data', run, 'linux')).toBe(false)
    expect(await isOnMappedNetworkDrive('Z:\\data', run, 'linux')).toBe(false)
    expect(asked).toEqual([])
  })

  it('puts only the drive letter into the command', async () => {
    asked.length = 0
    await isOnMappedNetworkDrive("Z:\\a'; Remove-Item -Recurse C:\\ #", run, 'win32')
    expect(asked).toEqual([`(Get-CimInstance Win32_LogicalDisk -Filter "DeviceID='Z:'").DriveType`])
  })

  it('counts a failing or slow PowerShell as local', async () => {
    const failing = async (): Promise<string> => {
      throw new Error('powershell.exe not found')
    }
    expect(await isOnMappedNetworkDrive('Z:\\data', failing, 'win32')).toBe(false)
  })
})
