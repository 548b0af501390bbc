import { app, Notification } from 'electron'
import dayjs from 'dayjs'
import type { ReminderOutlet } from '../core/reminders/reminderScheduler'
import { digestNotification, moreNotification, reminderNotification, type NotificationModel } from './reminderText'

export interface ReminderOutletOptions {
  /** Shows the window on a route: `#/customers/12` or `#/workbench`. */
  openRoute: (route: `#/${string}`) => void
  /** The tray, refreshed with each summary. */
  showSummary: (summary: { today: string; pending: number; top: Parameters<ReminderOutlet['showPending']>[1] }) => void
  today?: () => string
}

/** The Electron side of the reminder scheduler: system notifications, the tray and start at login. */
export function createReminderOutlet(options: ReminderOutletOptions): ReminderOutlet {
  const today = options.today ?? (() => dayjs().format('YYYY-MM-DD'))
  // A notification that is garbage-collected loses its click handler on Windows.
  const alive = new Set<Notification>()

  function show(model: NotificationModel): void {
    if (!Notification.isSupported()) return
    const notification = new Notification({ title: model.title, body: model.body })
    alive.add(notification)
    notification.on('click', () => {
      options.openRoute(model.customerId === null ? '#/workbench' : `#/customers/${model.customerId}`)
    })
    notification.on('close', () => alive.delete(notification))
    notification.show()
  }

  return {
    announce(shown, more) {
      for (const reminder of shown) show(reminderNotification(reminder, today()))
      if (more > 0) show(moreNotification(more))
    },
    digest(pending, top) {
      show(digestNotification(pending, top, today()))
    },
    showPending(pending, top) {
      options.showSummary({ today: today(), pending, top })
    },
    setStartAtLogin(enabled) {
      // Windows only: elsewhere the setting is kept but has no effect.
      if (process.platform === 'win32') app.setLoginItemSettings({ openAtLogin: enabled })
    },
  }
}
