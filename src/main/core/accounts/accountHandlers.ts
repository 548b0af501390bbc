import { AppError } from '../appError'
import type { ChannelsOf, CoreContext, DomainHandlers } from '../handlerTypes'

const todo = async (): Promise<never> => {
  throw new AppError('INTERNAL', '尚未完成')
}

export function accountHandlers(_ctx: CoreContext): DomainHandlers<ChannelsOf<'auth'> | ChannelsOf<'users'>> {
  return {
    'auth.status': async () => ({ enabled: false, user: null, recoveryOpen: false }),
    'auth.login': todo,
    'auth.logout': todo,
    'auth.recoveryAdmins': todo,
    'auth.recover': todo,
    'auth.changePassword': todo,
    'auth.enable': todo,
    'auth.disable': todo,
    'users.list': todo,
    'users.create': todo,
    'users.update': todo,
    'users.resetPassword': todo,
  }
}
