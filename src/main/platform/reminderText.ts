import { dueText } from '../../shared/reminderDates'
import { reminderKindLabels, type Reminder } from '../../shared/reminder'

/** The parts of a reminder the tray and the notifications show. */
export type TrayReminder = Pick<Reminder, 'kind' | 'customerId' | 'customerName' | 'dueDate' | 'reason'>

const maxName = 14

/** 逾期 3 天 · 广州人易科技… · 跟进提醒 */
export function reminderLine(reminder: TrayReminder, today: string): string {
  const name = reminder.customerName ?? '全体重要客户'
  const short = name.length > maxName ? `${name.slice(0, maxName)}…` : name
  return `${dueText(reminder.dueDate, today)} · ${short} · ${reminderKindLabels[reminder.kind]}`
}

export interface NotificationModel {
  title: string
  body: string
  /** The customer a click opens; null opens the 工作台. */
  customerId: number | null
}

export function reminderNotification(reminder: TrayReminder, today: string): NotificationModel {
  const who = reminder.customerName ?? '节日问候'
  return {
    title: `${reminderKindLabels[reminder.kind]}：${who}`,
    body: `${reminder.reason}（${dueText(reminder.dueDate, today)}）`,
    customerId: reminder.customerId,
  }
}

export function moreNotification(more: number): NotificationModel {
  return { title: '客情管家', body: `另有 ${more} 条新提醒，请到今日工作台查看`, customerId: null }
}

export function digestNotification(pending: number, top: TrayReminder[], today: string): NotificationModel {
  const lines = top.slice(0, 3).map((r) => reminderLine(r, today))
  return { title: `今日工作台：${pending} 条提醒待处理`, body: lines.join('\n'), customerId: null }
}
