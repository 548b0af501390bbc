import { z } from 'zod'
import './zodLocale'
import { wellFormedInputs } from './wellFormedInputs'
import { appInfoSchema, noInput, provinceRegionSchema, provinceRegionSetInput } from './app'
import {
  backupInfoSchema,
  backupListOutput,
  backupRestoreInput,
  backupRestoreOutput,
  backupSettingsOutput,
  backupSettingsSetInput,
  startupNoticeSchema,
} from './backup'
import {
  countSchema,
  customerChangeSchema,
  customerCreateInput,
  customerDuplicateSchema,
  customerDuplicatesInput,
  customerGetInput,
  customerHistoryInput,
  customerIdsInput,
  customerSchema,
  customerUpdateInput,
} from './customer'
import { customerGroupSchema, groupCreateInput, groupDeleteInput, groupRenameInput } from './customerGroup'
import {
  customerBatchUpdateInput,
  customerIdsQueryInput,
  customerIdsQueryOutput,
  customerListInput,
  customerListOutput,
} from './customerList'
import {
  dictItemSchema,
  dictionaryCreateInput,
  dictionaryDeleteInput,
  dictionaryListInput,
  dictionaryReorderInput,
  dictionaryUpdateInput,
} from './dictionary'
import { demoLoadInput, demoLoadOutput, emptyOutput, firstRunOutput } from './demo'
import { idInput } from './activityFields'
import {
  interactionCreateInput,
  interactionDeleteInput,
  interactionListInput,
  interactionListOutput,
  interactionSchema,
  interactionUpdateInput,
} from './interaction'
import { prefsGetInput, prefsGetOutput, prefsSetInput } from './prefs'
import {
  relationshipAssessInput,
  relationshipAssessmentSchema,
  relationshipHistoryInput,
} from './relationshipAssessment'
import { saleCreateInput, saleDeleteInput, saleListInput, saleListOutput, saleSchema, saleUpdateInput } from './sale'
import { searchGlobalInput, searchGlobalOutput } from './search'
import {
  analysisDimensionInput,
  analysisExportInput,
  analysisExtremesInput,
  analysisFeedbackInput,
  analysisPeriodInput,
  analysisRatiosInput,
  analysisRatioSetsInput,
  analysisRetentionInput,
  analysisRfmInput,
  analysisSalesPerformanceInput,
  analysisSetNoteInput,
} from './analysis/analysisInputs'
import {
  contactsOutput,
  exportOutput,
  extremesOutput,
  feedbackOutput,
  gradesOutput,
  noteOutput,
  paretoOutput,
  ratioRowSchema,
  ratioSetsOutput,
  retentionOutput,
  rfmOutput,
  salesPerformanceOutput,
  sourceRowSchema,
} from './analysis/analysisOutputs'
import {
  greetingListInput,
  greetingListOutput,
  reminderCompleteInput,
  reminderCreateInput,
  reminderIdInput,
  reminderListInput,
  reminderListOutput,
  reminderScanOutput,
  reminderSchema,
  reminderSettingsSchema,
  reminderSnoozeInput,
} from './reminder'
import {
  exportCustomerCardsInput,
  exportCustomerSheetInput,
  exportFileOutput,
  exportInteractionsInput,
  exportJobIdInput,
  exportJobInput,
  exportProgressOutput,
  exportSalesInput,
} from './excelExport'
import {
  projectCreateInput,
  projectIdInput,
  projectListInput,
  projectListOutput,
  projectSchema,
  projectUpdateInput,
} from './project'
import {
  competitorCreateInput,
  competitorDeleteInput,
  competitorListInput,
  competitorListOutput,
  competitorSchema,
  competitorUpdateInput,
} from './competitor'
import {
  feedbackCreateInput,
  feedbackDeleteInput,
  feedbackListInput,
  feedbackListOutput,
  feedbackSchema,
  feedbackUpdateInput,
} from './feedback'

import { customerMergeInput, customerMergeOutput, duplicateGroupsInput, duplicateGroupsOutput } from './customerMerge'
import {
  fileOutput,
  importCommitInput,
  importDecisionsInput,
  importErrorReportInput,
  importOpenInput,
  importOpenOutput,
  importPreviewOutput,
  importProgressOutput,
  importTemplateInput,
  jobInput,
  jobStartOutput,
} from './excelImport'
import {
  authStatusOutput,
  changePasswordInput,
  enableAccountsInput,
  loginInput,
  loginOutput,
  recoverAdminInput,
  recoveryAdminsOutput,
  userCreateInput,
  userResetPasswordInput,
  userSchema,
  userUpdateInput,
} from './accounts'
import {
  handOverAllInput,
  handOverAllOutput,
  movedOutput,
  ownershipIdsInput,
  ownershipTransferInput,
  reclaimRuleSchema,
} from './ownership'
import {
  foundHostSchema,
  officeConnectInput,
  officeConnectionOutput,
  officeDiscoverInput,
  officeProbeInput,
  officeProbeOutput,
  officeStatusOutput,
  setOfficeModeInput,
} from './office'
import {
  contractCreateInput,
  contractDetailSchema,
  contractIdInput,
  contractListInput,
  contractListOutput,
  contractPlanSetInput,
  contractUpdateInput,
  customerCreditSchema,
  paymentCreateInput,
  paymentCreateOutput,
  paymentIdInput,
  paymentListInput,
  paymentListOutput,
  receivablesAgingInput,
  receivablesAgingOutput,
  receivablesCustomerInput,
  receivablesMonthlyInput,
  receivablesMonthlyOutput,
} from './salesContract'
/**
 * The IPC contract: every channel the renderer may call, with the zod schema of
 * its input and of its output. The main process validates every input against
 * it; the handler map is typed by it, so a channel without a handler does not compile.
 * Every input also refuses a lone surrogate in any string (wellFormedInputs).
 */
export const contract = wellFormedInputs({
  'app.info': { input: noInput, output: appInfoSchema },
  'dictionary.list': { input: dictionaryListInput, output: z.array(dictItemSchema) },
  'dictionary.create': { input: dictionaryCreateInput, output: dictItemSchema },
  'dictionary.update': { input: dictionaryUpdateInput, output: dictItemSchema },
  'dictionary.reorder': { input: dictionaryReorderInput, output: z.array(dictItemSchema) },
  'dictionary.delete': { input: dictionaryDeleteInput, output: z.object({ id: z.number() }) },
  'regions.list': { input: noInput, output: z.array(provinceRegionSchema) },
  'regions.set': { input: provinceRegionSetInput, output: provinceRegionSchema },
  // Customers and their contacts (src/shared/customer.ts, contact.ts, customerList.ts)
  'customers.create': { input: customerCreateInput, output: customerSchema },
  'customers.get': { input: customerGetInput, output: customerSchema },
  'customers.update': { input: customerUpdateInput, output: customerSchema },
  'customers.list': { input: customerListInput, output: customerListOutput },
  'customers.ids': { input: customerIdsQueryInput, output: customerIdsQueryOutput },
  'customers.batchUpdate': { input: customerBatchUpdateInput, output: countSchema },
  'customers.delete': { input: customerIdsInput, output: countSchema },
  'customers.restore': { input: customerIdsInput, output: countSchema },
  'customers.purge': { input: customerIdsInput, output: countSchema },
  'customers.duplicates': { input: customerDuplicatesInput, output: z.array(customerDuplicateSchema) },
  'customers.history': { input: customerHistoryInput, output: z.array(customerChangeSchema) },
  'groups.list': { input: noInput, output: z.array(customerGroupSchema) },
  'groups.create': { input: groupCreateInput, output: customerGroupSchema },
  'groups.rename': { input: groupRenameInput, output: customerGroupSchema },
  'groups.delete': { input: groupDeleteInput, output: z.object({ id: z.number() }) },
  // First run and demo data (src/shared/demo.ts), UI preferences (src/shared/prefs.ts)
  'app.firstRun': { input: noInput, output: firstRunOutput },
  'app.setFirstRunDecided': { input: noInput, output: emptyOutput },
  'demo.load': { input: demoLoadInput, output: demoLoadOutput },
  'prefs.get': { input: prefsGetInput, output: prefsGetOutput },
  'prefs.set': { input: prefsSetInput, output: emptyOutput },
  // 交往记录 and 交易记录 (src/shared/interaction.ts, sale.ts)
  'interactions.create': { input: interactionCreateInput, output: interactionSchema },
  'interactions.update': { input: interactionUpdateInput, output: interactionSchema },
  'interactions.delete': { input: interactionDeleteInput, output: z.object({ id: z.number() }) },
  'interactions.get': { input: idInput('交往记录'), output: interactionSchema },
  'interactions.list': { input: interactionListInput, output: interactionListOutput },
  'sales.create': { input: saleCreateInput, output: saleSchema },
  'sales.update': { input: saleUpdateInput, output: saleSchema },
  'sales.delete': { input: saleDeleteInput, output: z.object({ id: z.number() }) },
  'sales.get': { input: idInput('交易记录'), output: saleSchema },
  'sales.list': { input: saleListInput, output: saleListOutput },
  // 客情关系等级评估 (src/shared/relationshipAssessment.ts)
  'relationship.assess': { input: relationshipAssessInput, output: relationshipAssessmentSchema },
  'relationship.history': { input: relationshipHistoryInput, output: z.array(relationshipAssessmentSchema) },
  // The global search box, Ctrl+K (src/shared/search.ts)
  'search.global': { input: searchGlobalInput, output: searchGlobalOutput },
  // Excel exports: 客户信息登记卡, the sheet's current view, 交往记录, 交易记录 (src/shared/excelExport.ts)
  'export.customerCards': { input: exportCustomerCardsInput, output: exportFileOutput },
  'export.customerSheet': { input: exportCustomerSheetInput, output: exportFileOutput },
  'export.interactions': { input: exportInteractionsInput, output: exportFileOutput },
  'export.sales': { input: exportSalesInput, output: exportFileOutput },
  'export.start': { input: exportJobInput, output: jobStartOutput },
  'export.progress': { input: exportJobIdInput, output: exportProgressOutput },
  'export.cancel': { input: exportJobIdInput, output: emptyOutput },
  // 备份与恢复 and the start-up notice about a file moved aside (src/shared/backup.ts)
  'backups.list': { input: noInput, output: backupListOutput },
  'backups.create': { input: noInput, output: backupInfoSchema },
  'backups.restore': { input: backupRestoreInput, output: backupRestoreOutput },
  'backups.undoRestore': { input: noInput, output: backupRestoreOutput },
  'backups.settings.get': { input: noInput, output: backupSettingsOutput },
  'backups.settings.set': { input: backupSettingsSetInput, output: backupSettingsOutput },
  'app.startupNotice': { input: noInput, output: startupNoticeSchema },
  // 项目 with 成交热度, 竞争对手/供应商, 客户意见 (src/shared/project.ts, competitor.ts, feedback.ts)
  'projects.create': { input: projectCreateInput, output: projectSchema },
  'projects.update': { input: projectUpdateInput, output: projectSchema },
  'projects.delete': { input: projectIdInput, output: z.object({ id: z.number() }) },
  'projects.get': { input: projectIdInput, output: projectSchema },
  'projects.list': { input: projectListInput, output: projectListOutput },
  'competitors.create': { input: competitorCreateInput, output: competitorSchema },
  'competitors.update': { input: competitorUpdateInput, output: competitorSchema },
  'competitors.delete': { input: competitorDeleteInput, output: z.object({ id: z.number() }) },
  'competitors.get': { input: idInput('竞争对手'), output: competitorSchema },
  'competitors.list': { input: competitorListInput, output: competitorListOutput },
  'feedback.create': { input: feedbackCreateInput, output: feedbackSchema },
  'feedback.update': { input: feedbackUpdateInput, output: feedbackSchema },
  'feedback.delete': { input: feedbackDeleteInput, output: z.object({ id: z.number() }) },
  'feedback.get': { input: idInput('客户意见'), output: feedbackSchema },
  'feedback.list': { input: feedbackListInput, output: feedbackListOutput },
  // 合同, 回款计划, 回款记录 and 应收账款 (src/shared/salesContract.ts)
  'contracts.list': { input: contractListInput, output: contractListOutput },
  'contracts.get': { input: contractIdInput, output: contractDetailSchema },
  'contracts.create': { input: contractCreateInput, output: contractDetailSchema },
  'contracts.update': { input: contractUpdateInput, output: contractDetailSchema },
  'contracts.delete': { input: contractIdInput, output: z.object({ id: z.number() }) },
  'contracts.restore': { input: contractIdInput, output: contractDetailSchema },
  'contracts.purge': { input: contractIdInput, output: z.object({ id: z.number() }) },
  'contracts.plan.set': { input: contractPlanSetInput, output: contractDetailSchema },
  'payments.create': { input: paymentCreateInput, output: paymentCreateOutput },
  'payments.delete': { input: paymentIdInput, output: z.object({ id: z.number() }) },
  'payments.list': { input: paymentListInput, output: paymentListOutput },
  'receivables.aging': { input: receivablesAgingInput, output: receivablesAgingOutput },
  'receivables.monthly': { input: receivablesMonthlyInput, output: receivablesMonthlyOutput },
  'receivables.customer': { input: receivablesCustomerInput, output: customerCreditSchema },
  // 提醒中心 / 今日工作台 and 群发问候 (src/shared/reminder.ts)
  'reminders.list': { input: reminderListInput, output: reminderListOutput },
  'reminders.create': { input: reminderCreateInput, output: reminderSchema },
  'reminders.complete': { input: reminderCompleteInput, output: reminderSchema },
  'reminders.snooze': { input: reminderSnoozeInput, output: reminderSchema },
  'reminders.ignore': { input: reminderIdInput, output: reminderSchema },
  'reminders.scan': { input: noInput, output: reminderScanOutput },
  'reminders.getSettings': { input: noInput, output: reminderSettingsSchema },
  'reminders.setSettings': { input: reminderSettingsSchema, output: reminderSettingsSchema },
  'greetings.list': { input: greetingListInput, output: greetingListOutput },
  // 统计分析 (src/shared/analysis/): periods are [from, to); every aggregate runs in SQL
  'analysis.sources': { input: analysisDimensionInput, output: z.array(sourceRowSchema) },
  'analysis.ratios': { input: analysisRatiosInput, output: z.array(ratioRowSchema) },
  'analysis.ratioSets': { input: analysisRatioSetsInput, output: ratioSetsOutput },
  'analysis.salesPerformance': { input: analysisSalesPerformanceInput, output: salesPerformanceOutput },
  'analysis.extremes': { input: analysisExtremesInput, output: extremesOutput },
  'analysis.setNote': { input: analysisSetNoteInput, output: noteOutput },
  'analysis.retention': { input: analysisRetentionInput, output: retentionOutput },
  'analysis.rfm': { input: analysisRfmInput, output: rfmOutput },
  'analysis.pareto': { input: analysisPeriodInput, output: paretoOutput },
  'analysis.grades': { input: noInput, output: gradesOutput },
  'analysis.feedback': { input: analysisFeedbackInput, output: feedbackOutput },
  'analysis.contacts': { input: analysisPeriodInput, output: contactsOutput },
  'analysis.exportXlsx': { input: analysisExportInput, output: exportOutput },
  // 查重合并 (src/shared/customerMerge.ts)
  'customers.duplicateGroups': { input: duplicateGroupsInput, output: duplicateGroupsOutput },
  'customers.merge': { input: customerMergeInput, output: customerMergeOutput },
  // Excel/CSV import of customers and 交易记录 (src/shared/excelImport.ts): open → preview → commit job
  'import.template': { input: importTemplateInput, output: fileOutput },
  'import.open': { input: importOpenInput, output: importOpenOutput },
  'import.preview': { input: importDecisionsInput, output: importPreviewOutput },
  'import.commit': { input: importCommitInput, output: jobStartOutput },
  'import.progress': { input: jobInput, output: importProgressOutput },
  'import.cancel': { input: jobInput, output: emptyOutput },
  'import.errorReport': { input: importErrorReportInput, output: fileOutput },
  // Staff accounts: login, users and roles (src/shared/accounts.ts); who may call what: channelPermissions.ts
  'auth.status': { input: noInput, output: authStatusOutput },
  'auth.login': { input: loginInput, output: loginOutput },
  'auth.logout': { input: noInput, output: emptyOutput },
  'auth.recoveryAdmins': { input: noInput, output: recoveryAdminsOutput },
  'auth.recover': { input: recoverAdminInput, output: emptyOutput },
  'auth.changePassword': { input: changePasswordInput, output: emptyOutput },
  'auth.enable': { input: enableAccountsInput, output: loginOutput },
  'auth.disable': { input: noInput, output: emptyOutput },
  'users.list': { input: noInput, output: z.array(userSchema) },
  'users.create': { input: userCreateInput, output: userSchema },
  'users.update': { input: userUpdateInput, output: userSchema },
  'users.resetPassword': { input: userResetPasswordInput, output: emptyOutput },
  // 负责人, 公海, handover and the 回收规则 (src/shared/ownership.ts)
  'ownership.claim': { input: ownershipIdsInput, output: movedOutput },
  'ownership.release': { input: ownershipIdsInput, output: movedOutput },
  'ownership.transfer': { input: ownershipTransferInput, output: movedOutput },
  'ownership.handOverAll': { input: handOverAllInput, output: handOverAllOutput },
  'ownership.getReclaimRule': { input: noInput, output: reclaimRuleSchema },
  'ownership.setReclaimRule': { input: reclaimRuleSchema, output: reclaimRuleSchema },
  // 办公室共享 (src/shared/office.ts): how this PC runs, kept outside the database
  'office.status': { input: noInput, output: officeStatusOutput },
  'office.setMode': { input: setOfficeModeInput, output: officeStatusOutput },
  'office.probe': { input: officeProbeInput, output: officeProbeOutput },
  'office.connect': { input: officeConnectInput, output: officeStatusOutput },
  'office.discover': { input: officeDiscoverInput, output: z.array(foundHostSchema) },
  'office.connection': { input: noInput, output: officeConnectionOutput },
} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>)

export type Contract = typeof contract
export type Channel = keyof Contract
/** What the caller sends (before zod defaults/transforms). */
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>
/** What the handler receives (after validation). */
export type HandlerInput<C extends Channel> = z.output<Contract[C]['input']>
export type ChannelOutput<C extends Channel> = z.output<Contract[C]['output']>

export const channels = Object.keys(contract) as Channel[]

export function isChannel(name: string): name is Channel {
  return Object.prototype.hasOwnProperty.call(contract, name)
}
