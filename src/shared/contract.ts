import { z } from 'zod'
import './zodLocale'
import { appInfoSchema, noInput, provinceRegionSchema, provinceRegionSetInput } from './app'
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

/**
 * The IPC contract: every channel the renderer may call, with the zod schema of
 * its input and of its output. The main process validates every input against
 * it; the handler map is typed by it, so a channel without a handler does not compile.
 */
export const contract = {
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
  'interactions.list': { input: interactionListInput, output: interactionListOutput },
  'sales.create': { input: saleCreateInput, output: saleSchema },
  'sales.update': { input: saleUpdateInput, output: saleSchema },
  'sales.delete': { input: saleDeleteInput, output: z.object({ id: z.number() }) },
  'sales.list': { input: saleListInput, output: saleListOutput },
  // 客情关系等级评估 (src/shared/relationshipAssessment.ts)
  'relationship.assess': { input: relationshipAssessInput, output: relationshipAssessmentSchema },
  'relationship.history': { input: relationshipHistoryInput, output: z.array(relationshipAssessmentSchema) },
  // The global search box, Ctrl+K (src/shared/search.ts)
  'search.global': { input: searchGlobalInput, output: searchGlobalOutput },
} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>

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
