import type { Channel, ChannelOutput, HandlerInput } from '../../shared/contract'
import type { StartupNotice } from '../../shared/backup'
import type { PickedPaths } from './pickedPaths'
import type { OfficeNetwork } from './office/officeNetwork'
import type { Store } from './store'
import type { Caller } from './accounts/caller'
import type { AccountCache } from './accounts/accountCache'
import type { AnalysisAnswers } from './analysis/analysisAnswers'

/**
 * A channel's handler. `caller` is who asked (accounts/caller.ts): the dispatch has
 * already checked their permission for the channel; a handler that reads or writes
 * customers applies their data scope (common/customerScope.ts).
 */
export type Handler<C extends Channel> = (input: HandlerInput<C>, caller: Caller) => Promise<ChannelOutput<C>>

/** One handler per channel of the contract: a missing one is a compile error. */
export type Handlers = { [C in Channel]: Handler<C> }

/** The handlers of one domain, keyed by the channels it owns. */
export type DomainHandlers<C extends Channel> = { [K in C]: Handler<K> }

/** The channels of the contract under one prefix (`'sales'` → sales.create, sales.list …). */
export type ChannelsOf<Prefix extends string> = Extract<Channel, `${Prefix}.${string}`>

export interface CoreContext {
  store: Store
  /** Users and sessions in memory: every call's caller comes from here. */
  accounts: AccountCache
  dataDir: string
  version: string
  /** The clock of scheduled work (daily backup); tests pass a fixed one. */
  clock?: () => Date
  /** What start-up found (a file moved aside, a network folder); a restore clears it. */
  startup?: { notice: StartupNotice }
  /** The paths behind the tokens the shell's dialogs issued; absent where there is no shell (browser preview). */
  pickedPaths?: PickedPaths
  /** Finding and first reaching an office host; only the shell passes it (office/officeNetwork.ts). */
  officeNetwork?: OfficeNetwork
  /** The analyses' answers kept until the data changes; without it every ask computes afresh (the bench). */
  analyses?: AnalysisAnswers
}
