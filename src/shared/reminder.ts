import { z } from 'zod'
import { isIsoDate } from './calendarDate'
import { requiredDateTime } from './activityFields'
import { dictRef, isoDate, recordId, requiredName, strictError, text } from './fieldSchemas'

/** 提醒 (docs/product-rules.md#reminders): what fired, for whom, why, and what the user did with it. */

export const reminderKinds = [
  'followUp',
  'salesDecline',
  'birthday',
  'plannedFollowUp',
  'dealDeadline',
  'festival',
  'payment',
  'contractEnd',
] as const
export type ReminderKind = (typeof reminderKinds)[number]
export const reminderKindLabels: Record<ReminderKind, string> = {
  followUp: '跟进提醒',
  salesDecline: '业务下滑',
  birthday: '生日纪念日',
  plannedFollowUp: '计划跟进',
  dealDeadline: '成交期限',
  festival: '节日问候',
  payment: '回款提醒',
  contractEnd: '合同到期',
}

export const reminderStatuses = ['pending', 'done', 'snoozed', 'ignored'] as const
export type ReminderStatus = (typeof reminderStatuses)[number]
export const reminderStatusLabels: Record<ReminderStatus, string> = {
  pending: '待处理',
  done: '已完成',
  snoozed: '已推迟',
  ignored: '已忽略',
}

export const reminderSchema = z.object({
  id: z.number().int(),
  kind: z.enum(reminderKinds),
  /** Null only for a festival greeting, which is for many customers. */
  customerId: z.number().int().nullable(),
  customerName: z.string().nullable(),
  contactId: z.number().int().nullable(),
  contactName: z.string().nullable(),
  dueDate: z.string(),
  reason: z.string(),
  status: z.enum(reminderStatuses),
  snoozedUntil: z.string().nullable(),
  createdAt: z.string(),
  doneAt: z.string().nullable(),
  interactionId: z.number().int().nullable(),
  /** The contract a 回款提醒 or 合同到期 is about; null for the other kinds. */
  contractId: z.number().int().nullable(),
})
export type Reminder = z.infer<typeof reminderSchema>

/** `open`: what still needs doing (pending; a snoozed one is pending again once a scan reaches its day). */
export const reminderViews = ['open', 'done', 'ignored', 'snoozed', 'all'] as const

export const reminderListInput = z.strictObject(
  {
    kinds: z.array(z.enum(reminderKinds, { error: '提醒类型无效' })).optional(),
    view: z.enum(reminderViews, { error: '提醒状态筛选无效' }).default('open'),
    customerId: recordId('客户').optional(),
    /**
     * 主管/管理员 only: the reminders of one 业务员's customers (a 业务员 dict item id),
     * or 'mine' for their own. Left out: all they see. A 业务员 always gets their own
     * scope (their customers and the 公海) whatever is sent.
     */
    staffId: z.union([recordId('业务员'), z.literal('mine')], { error: '业务员筛选无效' }).optional(),
    /** Only reminders due on or before this date (e.g. today for 今日到期和逾期). */
    dueTo: isoDate('截止日期'),
    offset: z.number().int().min(0).default(0),
    limit: z.number({ error: '条数必须是数字' }).int().min(1).max(500, '每次最多 500 条').default(100),
    /** The per-kind numbers of the kind filter; a side list leaves them out to stay cheap. */
    withCounts: z.boolean().default(true),
  },
  { error: strictError('提醒查询') },
)
export type ReminderListInput = z.output<typeof reminderListInput>

export const reminderCountsSchema = z.record(z.enum(reminderKinds), z.number().int())
export type ReminderCounts = z.infer<typeof reminderCountsSchema>

export const reminderListOutput = z.object({
  rows: z.array(reminderSchema),
  /** Rows matching every filter (for paging). */
  total: z.number().int(),
  /** Per kind, with every filter but the kind one: the numbers on the kind filter (null unless asked for). */
  counts: reminderCountsSchema.nullable(),
  /** Today as the core sees it, so the renderer counts 逾期 days from the same day. */
  today: z.string(),
})
export type ReminderListOutput = z.infer<typeof reminderListOutput>

/** 完成, optionally logging the 交往记录 that settled it (this also resets the follow-up cycle). */
export const reminderCompleteInput = z.strictObject(
  {
    id: recordId('提醒编号'),
    interaction: z
      .strictObject(
        {
          occurredAt: requiredDateTime('交往时间'),
          typeId: recordId('交往方式'),
          contactId: recordId('联系人').nullable().optional(),
          subject: text('主题', 200),
          content: text('内容', 5000),
          result: text('结果', 2000),
          nextFollowUp: isoDate('下次跟进日期'),
          staffId: dictRef('业务员'),
        },
        { error: strictError('交往记录') },
      )
      .optional(),
  },
  { error: strictError('完成提醒') },
)
export type ReminderCompleteInput = z.output<typeof reminderCompleteInput>

/** 推迟 by 1 天 / 1 周, or to a date after today. */
export const reminderSnoozeInput = z
  .strictObject(
    {
      id: recordId('提醒编号'),
      days: z.union([z.literal(1), z.literal(7)], { error: '推迟天数只能是 1 天或 7 天' }).optional(),
      until: z
        .string({ error: '推迟到的日期必须是文字' })
        .refine(isIsoDate, '推迟到的日期应为有效日期，格式 YYYY-MM-DD')
        .optional(),
    },
    { error: strictError('推迟提醒') },
  )
  .refine((v) => (v.days === undefined) !== (v.until === undefined), {
    message: '请选择推迟 1 天、1 周，或指定一个日期',
    path: ['until'],
  })
export type ReminderSnoozeInput = z.output<typeof reminderSnoozeInput>

export const reminderIdInput = z.strictObject({ id: recordId('提醒编号') }, { error: strictError('提醒') })

export const reminderScanOutput = z.object({ created: z.number().int(), pending: z.number().int() })
export type ReminderScanOutput = z.infer<typeof reminderScanOutput>

const clockTime = (label: string) =>
  z.string({ error: `${label}必须是文字` }).regex(/^([01]\d|2[0-3]):[0-5]\d$/, `${label}应为 24 小时制时间，如 09:00`)

/** 提醒设置, kept in app_setting. */
export const reminderSettingsSchema = z.strictObject(
  {
    /** Birthdays and 成交期限 fire this many days ahead. */
    leadDays: z
      .number({ error: '提前天数必须是数字' })
      .int('提前天数必须是整数')
      .min(0, '提前天数不能小于 0')
      .max(30, '提前天数不能大于 30'),
    /** The daily summary notification. */
    digestTime: clockTime('每日汇总时间'),
    quietHoursEnabled: z.boolean({ error: '免打扰只能是开或关' }),
    quietStart: clockTime('免打扰开始时间'),
    quietEnd: clockTime('免打扰结束时间'),
    festivalGreetings: z.boolean({ error: '节日问候只能是开或关' }),
    startAtLogin: z.boolean({ error: '开机启动只能是开或关' }),
  },
  { error: strictError('提醒设置') },
)
export type ReminderSettings = z.infer<typeof reminderSettingsSchema>

export const defaultReminderSettings: ReminderSettings = {
  leadDays: 3,
  digestTime: '09:00',
  quietHoursEnabled: true,
  quietStart: '22:00',
  quietEnd: '08:00',
  festivalGreetings: true,
  startAtLogin: false,
}

/** A greeting list: this week's birthdays, a festival's customers, or customers picked in the sheet. */
export const greetingListInput = z.discriminatedUnion(
  'source',
  [
    z.strictObject({ source: z.literal('birthdays'), days: z.number().int().min(0).max(31).default(7) }),
    z.strictObject({ source: z.literal('festival') }),
    z.strictObject({
      source: z.literal('customers'),
      customerIds: z.array(recordId('客户')).min(1, '请先选择客户').max(5000, '一次最多 5000 个客户'),
    }),
  ],
  { error: '问候名单来源只能是：birthdays、festival、customers' },
)
export type GreetingListInput = z.output<typeof greetingListInput>

export const greetingRecipientSchema = z.object({
  customerId: z.number().int(),
  customerName: z.string(),
  contactName: z.string().nullable(),
  email: z.string().nullable(),
  mobile: z.string().nullable(),
})
export type GreetingRecipient = z.infer<typeof greetingRecipientSchema>
export const greetingListOutput = z.object({ recipients: z.array(greetingRecipientSchema) })

/**
 * reminders.create: a follow-up the user plans by hand (新建提醒 on the customer page), listed and
 * handled as a 计划跟进 on its day; it closes itself, as the planned ones do, once the customer is
 * contacted on or after that day.
 */
export const reminderCreateInput = z.strictObject(
  {
    customerId: recordId('客户'),
    dueDate: z
      .string({ error: '提醒日期必须是文字' })
      .trim()
      .refine(isIsoDate, '提醒日期应为有效日期，格式 YYYY-MM-DD，如 2026-03-08'),
    // Text that only looks filled in (zero-width spaces) is refused, as for every required text.
    reason: requiredName('提醒内容', 200),
  },
  { error: strictError('新建提醒') },
)
