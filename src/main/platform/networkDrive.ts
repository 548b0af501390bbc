import { execFile } from 'node:child_process'

export type RunPowerShell = (command: string) => Promise<string>

/**
 * Whether a path lies on a mapped network drive (Z:\ → \\server\share), which
 * looks local by its name. The core warns about UNC paths by itself; this asks
 * Windows for the drive's type (4 = network). Anything unclear counts as local:
 * the check only decides whether a warning is shown.
 */
export async function isOnMappedNetworkDrive(
  path: string,
  run: RunPowerShell = runPowerShell,
  platform: NodeJS.Platform = process.platform,
): Promise<boolean> {
  if (platform !== 'win32') return false
  const drive = /^([a-zA-Z]):/.exec(path)?.[1]?.toUpperCase()
  // A single letter goes into the command, nothing else from the path.
  if (!drive) return false
  try {
    const type = await run(`(Get-CimInstance Win32_LogicalDisk -Filter "DeviceID='${drive}:'").DriveType`)
    return type.trim() === '4'
  } catch {
    return false
  }
}

function runPowerShell(command: string): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      'powershell.exe',
      ['-NoProfile', '-NonInteractive', '-Command', command],
      { timeout: 5000, windowsHide: true },
      (error, stdout) => (error ? reject(error) : resolve(stdout)),
    )
  })
}
