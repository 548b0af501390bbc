import type { Channel, ChannelInput, ChannelOutput } from '../../../shared/contract'
import type { KqBridge } from '../../../shared/bridge'
import type { AppErrorShape } from '../../../shared/result'
import { dropSessionToken, reportSessionLost, sessionToken } from './sessionToken'

declare global {
  interface Window {
    /** Set by the Electron preload, or by /bridge.js in the browser preview. */
    kqBridge?: KqBridge
  }
}

/** An error Result from the core, carrying its Chinese message for the user. */
export class ApiError extends Error {
  readonly code: AppErrorShape['code']
  readonly fields?: Record<string, string>

  constructor(shape: AppErrorShape) {
    super(shape.message)
    this.name = 'ApiError'
    this.code = shape.code
    this.fields = shape.fields
  }
}

/** Calls a channel of the contract; resolves to its output or rejects with an ApiError. */
export async function call<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  const bridge = window.kqBridge
  if (!bridge) throw new ApiError({ code: 'INTERNAL', message: '程序没有连接到数据服务，请重新启动客情管家' })
  const result = await bridge.invoke(channel, input, sessionToken())
  if (!result.ok) {
    // The session is over (expired, user disabled, logged out): back to the login, whatever screen asked.
    if (result.error.code === 'UNAUTHENTICATED') {
      dropSessionToken()
      reportSessionLost(result.error.message)
    }
    throw new ApiError(result.error)
  }
  return result.value as ChannelOutput<C>
}

export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message
  if (error instanceof Error) return `出错了：${error.message}`
  return '出错了，请重试'
}
