import { z } from 'zod'
import { appInfoSchema, noInput, provinceRegionSchema, provinceRegionSetInput } from './app'
import {
  dictItemSchema,
  dictionaryCreateInput,
  dictionaryDeleteInput,
  dictionaryListInput,
  dictionaryReorderInput,
  dictionaryUpdateInput,
} from './dictionary'

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
