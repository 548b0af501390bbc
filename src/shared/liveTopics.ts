import { z } from 'zod'
import type { Channel, ChannelInput, ChannelOutput } from './contract'

/**
 * What an open screen may be showing that another user's write can change. A screen
 * subscribes to the topics it shows (src/renderer/src/api/liveUpdates.ts) and loads
 * again when one of them changes.
 */
export const liveTopicNames = [
  /** The customer sheet, the card, 公海, anything computed on the customer row (交易次数, 最近联系…). */
  'customers',
  /** 交往/交易/项目/竞争对手/意见/客情评估 records. */
  'records',
  'reminders',
  /** 系统字典, 省份—大区, 客户分组. */
  'dictionary',
  /** Office-wide settings: 提醒设置, 回收规则, 备份设置, 统计分析's notes. */
  'settings',
  'users',
] as const
export type LiveTopic = (typeof liveTopicNames)[number]

/**
 * One committed change, as the feed publishes it. It carries no customer data, only
 * what changed and whose, so it may go to every signed-in user whatever their scope.
 */
export const liveChangeSchema = z.object({
  topics: z.array(z.enum(liveTopicNames)),
  /** The customers it concerns when the call named them; absent = any customer (a delete by record id, an import). */
  customerIds: z.array(z.number().int()).optional(),
  /** Who made it; null in single-PC mode and for the core's own scheduled work. */
  byUserId: z.number().int().nullable(),
  /** `YYYY-MM-DD HH:mm:ss` local time of the host. */
  at: z.string(),
})
export type LiveChange = z.infer<typeof liveChangeSchema>

/** A channel that changes nothing another screen shows. */
export const reads = 'reads' as const
/**
 * A channel whose writes happen later or only sometimes (a job, the reminder scan):
 * the code that writes publishes them itself, once committed.
 */
export const publishesItself = 'publishesItself' as const

export interface LiveWrite<C extends Channel> {
  topics: readonly LiveTopic[]
  /** The customers named by the call; undefined when it cannot tell (refresh whatever is open). */
  ids?: (input: ChannelInput<C>, output: ChannelOutput<C>) => readonly number[] | undefined
}

export type LiveEntry<C extends Channel> = typeof reads | typeof publishesItself | LiveWrite<C>

const all: readonly LiveTopic[] = liveTopicNames

/**
 * What each channel's successful call changes. Typed by the contract: a new channel
 * does not compile until it is classified here.
 */
export const liveTopics: { [C in Channel]: LiveEntry<C> } = {
  'app.info': reads,
  'app.startupNotice': reads,
  'app.firstRun': reads,
  // Whether this PC's first-run question was answered: nobody else shows it.
  'app.setFirstRunDecided': reads,
  'demo.load': { topics: all },
  'prefs.get': reads,
  // Column widths, saved views: the user's own screen state, shown nowhere else.
  'prefs.set': reads,

  'auth.status': reads,
  'auth.login': reads,
  'auth.logout': reads,
  'auth.recoveryAdmins': reads,
  'auth.recover': { topics: ['users'] },
  'auth.changePassword': reads,
  'auth.enable': { topics: ['users', 'settings'] },
  'auth.disable': { topics: ['users', 'settings'] },
  'users.list': reads,
  'users.create': { topics: ['users'] },
  'users.update': { topics: ['users'] },
  'users.resetPassword': reads,

  'dictionary.list': reads,
  'dictionary.create': { topics: ['dictionary'] },
  // A renamed item shows under its new name on every customer that has it.
  'dictionary.update': { topics: ['dictionary', 'customers'] },
  'dictionary.reorder': { topics: ['dictionary'] },
  'dictionary.delete': { topics: ['dictionary'] },
  'regions.list': reads,
  'regions.set': { topics: ['dictionary', 'customers'] },

  'customers.create': { topics: ['customers'], ids: (_input, output) => [output.id] },
  'customers.get': reads,
  'customers.update': { topics: ['customers'], ids: (input) => [input.id] },
  'customers.list': reads,
  'customers.ids': reads,
  'customers.batchUpdate': { topics: ['customers'], ids: (input) => input.ids },
  'customers.delete': { topics: ['customers', 'reminders'], ids: (input) => input.ids },
  'customers.restore': { topics: ['customers', 'reminders'], ids: (input) => input.ids },
  'customers.purge': { topics: ['customers', 'records', 'reminders'], ids: (input) => input.ids },
  'customers.duplicates': reads,
  'customers.history': reads,
  'customers.duplicateGroups': reads,
  'customers.merge': {
    topics: ['customers', 'records', 'reminders'],
    ids: (input) => [input.survivorId, ...input.mergedIds],
  },
  'groups.list': reads,
  'groups.create': { topics: ['dictionary'] },
  'groups.rename': { topics: ['dictionary', 'customers'] },
  'groups.delete': { topics: ['dictionary', 'customers'] },

  // A record changes its customer's row too (交易次数/金额, 最近联系, 成交级别).
  'interactions.create': { topics: ['records', 'customers'], ids: (_input, output) => [output.customerId] },
  'interactions.update': { topics: ['records', 'customers'], ids: movedRecord },
  'interactions.delete': { topics: ['records', 'customers'] },
  'interactions.get': reads,
  'interactions.list': reads,
  'sales.create': { topics: ['records', 'customers'], ids: (_input, output) => [output.customerId] },
  'sales.update': { topics: ['records', 'customers'], ids: movedRecord },
  'sales.delete': { topics: ['records', 'customers'] },
  'sales.get': reads,
  'sales.list': reads,
  'relationship.assess': { topics: ['records', 'customers'], ids: (input) => [input.customerId] },
  'relationship.history': reads,
  'projects.create': {
    topics: ['records'],
    ids: (_input, output) => partiesOf(output),
  },
  // A project moved to another 甲方 also leaves the old one: any customer.
  'projects.update': { topics: ['records'] },
  'projects.delete': { topics: ['records'] },
  'projects.get': reads,
  'projects.list': reads,
  'competitors.create': { topics: ['records'], ids: (_input, output) => [output.customerId] },
  'competitors.update': { topics: ['records'], ids: (_input, output) => [output.customerId] },
  'competitors.delete': { topics: ['records'] },
  'competitors.get': reads,
  'competitors.list': reads,
  'feedback.create': { topics: ['records'], ids: (_input, output) => [output.customerId] },
  'feedback.update': { topics: ['records'], ids: (_input, output) => [output.customerId] },
  'feedback.delete': { topics: ['records'] },
  'feedback.get': reads,
  'feedback.list': reads,
  // Contracts and payments move 应收 and the 回款/合同到期 reminders with them.
  'contracts.list': reads,
  'contracts.get': reads,
  'contracts.create': { topics: ['records'], ids: (_input, output) => [output.customerId] },
  'contracts.update': { topics: ['records', 'reminders'] },
  'contracts.delete': { topics: ['records', 'reminders'] },
  'contracts.restore': { topics: ['records', 'reminders'], ids: (_input, output) => [output.customerId] },
  'contracts.purge': { topics: ['records', 'reminders'] },
  'contracts.plan.set': { topics: ['records', 'reminders'], ids: (_input, output) => [output.customerId] },
  'payments.create': { topics: ['records', 'reminders'], ids: (_input, output) => [output.contract.customerId] },
  'payments.delete': { topics: ['records', 'reminders'] },
  'payments.list': reads,
  'receivables.aging': reads,
  'receivables.monthly': reads,
  'receivables.customer': reads,

  'search.global': reads,

  // Exports write files, not data.
  'export.customerCards': reads,
  'export.customerSheet': reads,
  'export.interactions': reads,
  'export.sales': reads,
  'export.start': reads,
  'export.progress': reads,
  'export.cancel': reads,

  'backups.list': reads,
  'backups.create': reads,
  // The whole database is another one afterwards.
  'backups.restore': { topics: all },
  'backups.undoRestore': { topics: all },
  'backups.settings.get': reads,
  'backups.settings.set': { topics: ['settings'] },

  'reminders.list': reads,
  'reminders.create': { topics: ['reminders'], ids: remindedCustomer },
  // Completing may also add a 交往记录 and restart the customer's contact cycle.
  'reminders.complete': {
    topics: ['reminders', 'records', 'customers'],
    ids: (_input, output) => (output.customerId === null ? [] : [output.customerId]),
  },
  'reminders.snooze': { topics: ['reminders'], ids: remindedCustomer },
  'reminders.ignore': { topics: ['reminders'], ids: remindedCustomer },
  // runScan publishes what it made and the 回收规则's moves, when there are any.
  'reminders.scan': publishesItself,
  'reminders.getSettings': reads,
  'reminders.setSettings': { topics: ['settings'] },
  'greetings.list': reads,

  'analysis.sources': reads,
  'analysis.ratios': reads,
  'analysis.ratioSets': reads,
  'analysis.salesPerformance': reads,
  'analysis.extremes': reads,
  'analysis.setNote': { topics: ['settings'] },
  'analysis.retention': reads,
  'analysis.rfm': reads,
  'analysis.pareto': reads,
  'analysis.grades': reads,
  'analysis.feedback': reads,
  'analysis.contacts': reads,
  'analysis.exportXlsx': reads,

  'import.template': reads,
  'import.open': reads,
  'import.preview': reads,
  // The job writes after the call has answered: it publishes once its transaction committed.
  'import.commit': publishesItself,
  'import.progress': reads,
  'import.cancel': reads,
  'import.errorReport': reads,

  'ownership.claim': { topics: ['customers'], ids: (input) => input.customerIds },
  'ownership.release': { topics: ['customers'], ids: (input) => input.customerIds },
  'ownership.transfer': { topics: ['customers'], ids: (input) => input.customerIds },
  'ownership.handOverAll': { topics: ['customers', 'reminders'] },
  'ownership.getReclaimRule': reads,
  'ownership.setReclaimRule': { topics: ['settings'] },

  // office.json lives outside the database and belongs to this PC.
  'office.status': reads,
  'office.setMode': reads,
  'office.probe': reads,
  'office.connect': reads,
  'office.discover': reads,
  'office.connection': reads,
}

/** An update that names a customer moves the record there: the old one changed too, and the call does not say which. */
function movedRecord(input: { customerId?: number }, output: { customerId: number }): number[] | undefined {
  return input.customerId === undefined ? [output.customerId] : undefined
}

function partiesOf(project: { ownerCustomerId: number; contractorCustomerId: number | null }): number[] {
  return project.contractorCustomerId === null
    ? [project.ownerCustomerId]
    : [project.ownerCustomerId, project.contractorCustomerId]
}

function remindedCustomer(_input: unknown, output: { customerId: number | null }): number[] {
  return output.customerId === null ? [] : [output.customerId]
}

/**
 * The change a successful call made, or null for a read. `customerIds` is left out
 * when the call could concern any customer.
 */
export function liveChangeOf<C extends Channel>(
  channel: C,
  input: ChannelInput<C>,
  output: ChannelOutput<C>,
): { topics: LiveTopic[]; customerIds?: number[] } | null {
  const entry = liveTopics[channel] as LiveEntry<C>
  if (entry === reads || entry === publishesItself) return null
  const ids = entry.ids?.(input, output)
  return ids === undefined ? { topics: [...entry.topics] } : { topics: [...entry.topics], customerIds: [...ids] }
}
