import { AppError } from '../appError'
import type { ChannelsOf, CoreContext, DomainHandlers } from '../handlerTypes'

const todo = async (): Promise<never> => {
  throw new AppError('INTERNAL', '尚未完成')
}

export function ownershipHandlers(_ctx: CoreContext): DomainHandlers<ChannelsOf<'ownership'>> {
  return {
    'ownership.claim': todo,
    'ownership.release': todo,
    'ownership.transfer': todo,
    'ownership.handOverAll': todo,
    'ownership.getReclaimRule': todo,
    'ownership.setReclaimRule': todo,
  }
}
