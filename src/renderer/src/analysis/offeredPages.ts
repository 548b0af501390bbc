import type { Permission } from '../../../shared/accounts'
import { channelPermissions } from '../../../shared/channelPermissions'
import type { Channel } from '../../../shared/contract'

/**
 * The analysis pages a user is offered: those without a channel of their own, and those whose
 * channel the user's permissions allow (the core refuses the others anyway).
 */
export function offeredPages<P extends { channel?: Channel }>(
  pages: readonly P[],
  granted: readonly Permission[],
): P[] {
  return pages.filter((page) => !page.channel || granted.includes(channelPermissions[page.channel]))
}
