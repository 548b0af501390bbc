import type { ReminderKind } from '../../../shared/reminder'

/** The tag colour of each kind, the same on the 工作台, the customer page and the filters. */
export const reminderKindColors: Record<ReminderKind, string> = {
  followUp: 'blue',
  salesDecline: 'volcano',
  birthday: 'magenta',
  plannedFollowUp: 'cyan',
  dealDeadline: 'gold',
  festival: 'red',
  payment: 'green',
  contractEnd: 'purple',
}
