import { Menu, Tray } from 'electron'
import { appTitle } from './windowOptions'

export type TrayAction = 'open' | 'quit'

export interface TrayMenuItem {
  label: string
  action: TrayAction
}

/** The tray's context menu as data, so its wording and order are tested without Electron. */
export function trayMenuModel(): TrayMenuItem[] {
  return [
    { label: `打开${appTitle}`, action: 'open' },
    { label: '退出', action: 'quit' },
  ]
}

/** Windows draws tray icons best from an .ico holding the 16 and 32 px images. */
export function trayIconFile(platform: NodeJS.Platform): string {
  return platform === 'win32' ? 'icon.ico' : 'tray.png'
}

/**
 * The app keeps running in the tray when its window is closed, so reminders still
 * fire; the tray is the way back to the window and the only way to really quit.
 */
export function createTray(iconPath: string, run: (action: TrayAction) => void): Tray {
  const tray = new Tray(iconPath)
  tray.setToolTip(appTitle)
  tray.setContextMenu(
    Menu.buildFromTemplate(trayMenuModel().map((item) => ({ label: item.label, click: () => run(item.action) }))),
  )
  // A left click is how Windows users expect to bring a tray app back.
  tray.on('click', () => run('open'))
  return tray
}
