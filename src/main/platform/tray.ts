import { Menu, Tray } from 'electron'
import type { TrayReminder } from './reminderText'
import { reminderLine } from './reminderText'
import { appTitle } from './windowOptions'

export type TrayAction = 'open' | 'quit' | 'workbench' | 'customer' | 'separator'

export interface TrayMenuItem {
  label: string
  action: TrayAction
  /** For 'customer': the customer the item opens. */
  customerId?: number
}

export interface TraySummary {
  today: string
  /** Open reminders due today or earlier. */
  pending: number
  /** The most urgent of them, earliest first. */
  top: TrayReminder[]
}

/**
 * The tray's context menu as data, so its wording and order are tested without
 * Electron: the most urgent reminders (each opens its customer), the way to the
 * 工作台, then open and quit.
 */
export function trayMenuModel(summary?: TraySummary): TrayMenuItem[] {
  const items: TrayMenuItem[] = []
  if (summary && summary.pending > 0) {
    for (const reminder of summary.top) {
      items.push(
        reminder.customerId === null
          ? { label: reminderLine(reminder, summary.today), action: 'workbench' }
          : { label: reminderLine(reminder, summary.today), action: 'customer', customerId: reminder.customerId },
      )
    }
    items.push({ label: `查看全部 ${summary.pending} 条提醒…`, action: 'workbench' })
    items.push({ label: '', action: 'separator' })
  }
  items.push({ label: `打开${appTitle}`, action: 'open' }, { label: '退出', action: 'quit' })
  return items
}

export function trayTooltip(pending: number): string {
  return pending > 0 ? `${appTitle}：${pending} 条提醒待处理` : appTitle
}

/** Windows draws tray icons best from an .ico holding the 16 and 32 px images. */
export function trayIconFile(platform: NodeJS.Platform): string {
  return platform === 'win32' ? 'icon.ico' : 'tray.png'
}

export type TrayRun = (item: TrayMenuItem) => void

/**
 * The app keeps running in the tray when its window is closed, so reminders still
 * fire; the tray is the way back to the window and the only way to really quit.
 */
export function createTray(iconPath: string, run: TrayRun): Tray {
  const tray = new Tray(iconPath)
  showTraySummary(tray, undefined, run)
  // A left click is how Windows users expect to bring a tray app back.
  tray.on('click', () => run({ label: '', action: 'open' }))
  return tray
}

export function showTraySummary(tray: Tray, summary: TraySummary | undefined, run: TrayRun): void {
  tray.setToolTip(trayTooltip(summary?.pending ?? 0))
  tray.setContextMenu(
    Menu.buildFromTemplate(
      trayMenuModel(summary).map((item) =>
        item.action === 'separator' ? { type: 'separator' as const } : { label: item.label, click: () => run(item) },
      ),
    ),
  )
}
