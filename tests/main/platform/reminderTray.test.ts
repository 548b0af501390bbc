import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createReminderOutlet } from '../../../src/main/platform/reminderOutlet'
import { reminderNotification } from '../../../src/main/platform/reminderText'
import { trayMenuModel, trayTooltip, type TraySummary } from '../../../src/main/platform/tray'
import type { Reminder } from '../../../src/shared/reminder'

const fake = await vi.hoisted(async () => (await import('../../helpers/fakeElectron')).createFakeElectron())
vi.mock('electron', () => fake.module)

beforeEach(() => fake.reset())

const reminder = (over: Partial<Reminder>): Reminder => ({
  id: 1,
  kind: 'followUp',
  customerId: 7,
  customerName: '广州人易科技有限公司华南区销售服务中心',
  contactId: null,
  contactName: null,
  dueDate: '2026-04-12',
  reason: '联系策略「每月」每 30 天联系一次，最近联系 2026-03-13',
  status: 'pending',
  snoozedUntil: null,
  createdAt: '2026-04-12 09:00:00',
  doneAt: null,
  interactionId: null,
  contractId: null,
  ...over,
})

describe('the tray menu model', () => {
  it('lists the most urgent reminders, each opening its customer, then the 工作台, open and quit', () => {
    const summary: TraySummary = {
      today: '2026-04-15',
      pending: 12,
      top: [
        reminder({}),
        reminder({ id: 2, kind: 'birthday', customerId: 9, customerName: '乙公司', dueDate: '2026-04-15' }),
        reminder({ id: 3, kind: 'festival', customerId: null, customerName: null, dueDate: '2026-04-15' }),
      ],
    }
    expect(trayMenuModel(summary)).toEqual([
      { label: '逾期 3 天 · 广州人易科技有限公司华南区销… · 跟进提醒', action: 'customer', customerId: 7 },
      { label: '今天到期 · 乙公司 · 生日纪念日', action: 'customer', customerId: 9 },
      { label: '今天到期 · 全体重要客户 · 节日问候', action: 'workbench' },
      { label: '查看全部 12 条提醒…', action: 'workbench' },
      { label: '', action: 'separator' },
      { label: '打开客情管家', action: 'open' },
      { label: '退出', action: 'quit' },
    ])
    expect(trayTooltip(12)).toBe('客情管家：12 条提醒待处理')
  })

  it('is the plain menu when nothing is pending', () => {
    expect(trayMenuModel({ today: '2026-04-15', pending: 0, top: [] })).toEqual(trayMenuModel())
    expect(trayTooltip(0)).toBe('客情管家')
  })
})

describe('the reminder outlet (notifications)', () => {
  it('shows one notification per reminder it is given, and a click opens the customer', () => {
    const routes: string[] = []
    const outlet = createReminderOutlet({
      openRoute: (r) => routes.push(r),
      showSummary: () => {},
      today: () => '2026-04-15',
    })
    outlet.announce([reminder({}), reminder({ id: 2, customerId: 9, customerName: '乙公司' })], 4)
    const shown = fake.state.notifications
    expect(shown.map((n) => [n.options.title, n.shown])).toEqual([
      ['跟进提醒：广州人易科技有限公司华南区销售服务中心', 1],
      ['跟进提醒：乙公司', 1],
      ['客情管家', 1],
    ])
    expect(shown[2]?.options.body).toBe('另有 4 条新提醒，请到今日工作台查看')
    shown[1]?.emit('click')
    shown[2]?.emit('click')
    expect(routes).toEqual(['#/customers/9', '#/workbench'])
  })

  it('words a notification with the reason and how overdue it is', () => {
    expect(reminderNotification(reminder({}), '2026-04-15').body).toBe(
      '联系策略「每月」每 30 天联系一次，最近联系 2026-03-13（逾期 3 天）',
    )
  })

  it('passes the tray summary on and sets start at login on Windows only', () => {
    const summaries: unknown[] = []
    const outlet = createReminderOutlet({
      openRoute: () => {},
      showSummary: (s) => summaries.push(s),
      today: () => '2026-04-15',
    })
    outlet.showPending(2, [reminder({})])
    expect(summaries).toEqual([{ today: '2026-04-15', pending: 2, top: [reminder({})] }])
    outlet.setStartAtLogin(true)
    expect(fake.state.loginItemSettings).toEqual(process.platform === 'win32' ? [{ openAtLogin: true }] : [])
  })
})
