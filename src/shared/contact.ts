import { z } from 'zod'
import { editVersion } from './editVersion'
import { calendarDateMessage, calendarDateSchema, calendarSchema, parseCalendarDate } from './calendarDate'
import {
  choice,
  email,
  flag,
  integer,
  mobilePhone,
  phone,
  recordId,
  requiredName,
  strictError,
  text,
} from './fieldSchemas'

/** A contact person (docs/product-rules.md#contacts), saved with its customer (customers.create/update). */

export const genders = ['男', '女'] as const
export const decisionRoles = ['发起者', '影响者', '购买者', '使用者', '决策者'] as const

/**
 * An important date of the person or family (配偶生日, 子女生日, 纪念日 …) that feeds
 * reminders; `date` in the format of calendarDate.ts (`YYYY-MM-DD` or `MM-DD`, 闰 for a lunar leap month).
 * On update, an existing date carries its `id` (reminders remember it); a date without id is new.
 */
export const importantDateInput = z
  .strictObject(
    {
      id: recordId('纪念日编号').optional(),
      label: requiredName('纪念日名称', 30, { empty: '请填写纪念日名称，如 配偶生日' }),
      date: z.string({ error: '日期必须是文字' }).trim(),
      calendar: calendarSchema.default('solar'),
    },
    { error: strictError('纪念日') },
  )
  .superRefine((value, ctx) => {
    if (!parseCalendarDate(value.date, value.calendar)) {
      ctx.addIssue({ code: 'custom', path: ['date'], message: calendarDateMessage(value.calendar) })
    }
  })

export const importantDateSchema = z.object({
  id: z.number().int(),
  label: z.string(),
  date: z.string(),
  calendar: calendarSchema,
})
export type ImportantDate = z.infer<typeof importantDateSchema>

/** The editable fields of a contact and their values as stored (null = empty). */
export const contactValuesShape = {
  name: z.string(),
  gender: z.enum(genders).nullable(),
  title: z.string().nullable(),
  department: z.string().nullable(),
  mobile: z.string().nullable(),
  officePhone: z.string().nullable(),
  homePhone: z.string().nullable(),
  wechat: z.string().nullable(),
  email: z.string().nullable(),
  homeAddress: z.string().nullable(),
  /** 生日 {date, calendar}; see calendarDate.ts for the format. */
  birthday: calendarDateSchema.nullable(),
  hobbies: z.string().nullable(),
  personality: z.string().nullable(),
  education: z.string().nullable(),
  nativePlace: z.string().nullable(),
  /** 友好程度 1–5. */
  friendliness: z.number().int().nullable(),
  decisionRole: z.enum(decisionRoles).nullable(),
  /** 是否关键人. */
  isKey: z.boolean(),
  /** 通话适宜时间. */
  callTime: z.string().nullable(),
  /** 语速语调. */
  speechStyle: z.string().nullable(),
  remarks: z.string().nullable(),
}
export type ContactField = keyof typeof contactValuesShape

export const contactFieldLabels: Record<ContactField, string> = {
  name: '姓名',
  gender: '性别',
  title: '职务',
  department: '部门',
  mobile: '手机',
  officePhone: '办公电话',
  homePhone: '住宅电话',
  wechat: '微信',
  email: '电子邮件',
  homeAddress: '家庭住址',
  birthday: '生日',
  hobbies: '兴趣爱好',
  personality: '性格',
  education: '学历',
  nativePlace: '籍贯',
  friendliness: '友好程度',
  decisionRole: '决策关系',
  isKey: '是否关键人',
  callTime: '通话适宜时间',
  speechStyle: '语速语调',
  remarks: '备注',
}

export const contactSchema = z.object({
  id: z.number().int(),
  customerId: z.number().int(),
  ...contactValuesShape,
  importantDates: z.array(importantDateSchema),
  /** Edit version: counts the contact's changes (see shared/editVersion). */
  version: z.number().int(),
})
export type Contact = z.infer<typeof contactSchema>

/**
 * A contact as sent with customers.create/update. On update the list replaces the
 * customer's contacts: an existing contact carries its `id`, a new one has none,
 * and a contact left out is deleted. Order of the list = display order.
 */
export const contactInput = z.strictObject(
  {
    id: recordId('联系人编号').optional(),
    /** The version the card loaded; a newer stored one refuses the save. */
    version: editVersion,
    name: requiredName('联系人姓名', 50),
    gender: choice('性别', genders),
    title: text('职务', 50),
    department: text('部门', 50),
    mobile: mobilePhone('手机'),
    officePhone: phone('办公电话'),
    homePhone: phone('住宅电话'),
    wechat: text('微信', 50),
    email: email('电子邮件'),
    homeAddress: text('家庭住址', 200),
    birthday: calendarDateSchema.nullable().optional(),
    hobbies: text('兴趣爱好', 500),
    personality: text('性格', 500),
    education: text('学历', 50),
    nativePlace: text('籍贯', 50),
    friendliness: integer('友好程度', 1, 5),
    decisionRole: choice('决策关系', decisionRoles),
    isKey: flag('是否关键人'),
    callTime: text('通话适宜时间', 100),
    speechStyle: text('语速语调', 100),
    remarks: text('备注', 2000),
    importantDates: z.array(importantDateInput).max(30, '纪念日最多 30 个').default([]),
  } satisfies Record<ContactField, z.ZodType> & Record<string, z.ZodType>,
  { error: strictError('联系人') },
)
export type ContactInput = z.output<typeof contactInput>
