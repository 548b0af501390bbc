import type { OfficeProbe } from '../../../shared/office'
import { AppError } from '../appError'
import { accountsOffMessage } from '../preview/lanGate'
import { HostCallError, pinnedRequest } from './pinnedRequest'

/**
 * First contact with a host the user typed or picked: what certificate it shows
 * and what it calls itself, trusting neither yet. The user compares the
 * fingerprint with the host's 办公室共享 screen before it is pinned; the name is
 * only what the certificate says (an impostor could copy it, not the fingerprint).
 * The one call sent, auth.status, carries nothing: no token, no data.
 */
export async function probeHost(host: string, port: number, timeoutMs = 5_000): Promise<OfficeProbe> {
  let answer
  try {
    answer = await pinnedRequest({
      host,
      port,
      path: '/api/auth.status',
      fingerprint: null,
      body: '{}',
      connectTimeoutMs: timeoutMs,
      answerTimeoutMs: timeoutMs,
      maxAnswerBytes: 64 * 1024,
    })
  } catch (error) {
    if (error instanceof HostCallError && error.kind === 'notSent') {
      throw new AppError(
        'UNREACHABLE',
        `无法连接到 ${host}:${port}。请确认主机电脑已打开客情管家并设为主机、地址和端口无误，且主机的防火墙允许该端口`,
      )
    }
    throw new AppError('UNREACHABLE', `${host}:${port} 没有正常答复，请确认这是客情管家主机`)
  }
  const hostname = answer.subjectName || host
  if (answer.status === 403 && answer.body === accountsOffMessage) {
    return { hostname, fingerprint: answer.fingerprint, accountsEnabled: false }
  }
  const enabled = answer.status === 200 ? accountsEnabledIn(answer.body) : null
  if (enabled === null) throw new AppError('CONFLICT', `${host}:${port} 不是客情管家主机`)
  return { hostname, fingerprint: answer.fingerprint, accountsEnabled: enabled }
}

function accountsEnabledIn(body: string): boolean | null {
  try {
    const result = JSON.parse(body) as { ok?: unknown; value?: { enabled?: unknown } }
    return result.ok === true && typeof result.value?.enabled === 'boolean' ? result.value.enabled : null
  } catch {
    return null
  }
}
