/**
 * What a failed call tells the user. A read that did not reach the host changed
 * nothing worth mentioning; a call that may change data must say whether it was
 * saved. Unknown actions count as changes: saying "未保存" of a read is harmless,
 * saying nothing of a lost write is not.
 */
const readActions = new Set([
  'contacts',
  'customerCards',
  'customerSheet',
  'duplicateGroups',
  'duplicates',
  'errorReport',
  'extremes',
  'feedback',
  'firstRun',
  'get',
  'getReclaimRule',
  'getSettings',
  'global',
  'grades',
  'history',
  'ids',
  'info',
  'interactions',
  'list',
  'pareto',
  'preview',
  'progress',
  'ratioSets',
  'ratios',
  'retention',
  'rfm',
  'sales',
  'salesPerformance',
  'sources',
  'startupNotice',
  'status',
  'template',
])

/** Signing in or out saves no data: "数据未保存" would only puzzle. */
const sessionChannels = new Set(['auth.login', 'auth.logout', 'auth.status'])

export function changesData(channel: string): boolean {
  if (sessionChannels.has(channel)) return false
  const action = channel.slice(channel.lastIndexOf('.') + 1)
  return !readActions.has(action)
}

/** Calls that may work for minutes on the host (a whole file, the whole database). */
const longChannels = new Set([
  'import.open',
  'import.commit',
  'backups.create',
  'backups.restore',
  'backups.undoRestore',
  'demo.load',
  'customers.merge',
  'export.customerCards',
  'export.customerSheet',
  'export.interactions',
  'export.sales',
])

export function isLongCall(channel: string): boolean {
  return longChannels.has(channel) || channel.endsWith('.exportXlsx')
}
