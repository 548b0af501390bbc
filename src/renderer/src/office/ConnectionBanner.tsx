import { Alert, Button, Space } from 'antd'
import { useState } from 'react'
import { useSession } from '../accounts/session'
import { call, errorMessage } from '../api/client'
import { FingerprintCheck, type ProbedHost } from './FingerprintCheck'
import { RestartNotice } from './RestartNotice'
import { useOfficeConnection } from './useOfficeConnection'

/**
 * On a client PC: a yellow banner while the host is out of reach (the client keeps
 * trying by itself), a red one when the host presents another certificate. Also
 * shown before a login, where a refused host leaves the user nowhere else to act.
 */
export function ConnectionBanner(): React.JSX.Element | null {
  const connection = useOfficeConnection()
  const { user } = useSession()
  const [checking, setChecking] = useState(false)
  const [probed, setProbed] = useState<ProbedHost | null>(null)
  const [failure, setFailure] = useState<string | null>(null)
  const [accepted, setAccepted] = useState(false)

  if (!connection) return null
  const name = connection.hostName ?? connection.address ?? '主机'

  if (accepted) return <RestartNotice what="已接受主机的新证书" />

  if (connection.state === 'reconnecting') {
    return (
      <Alert
        type="warning"
        showIcon
        role="alert"
        banner
        title="与主机的连接已断开，正在重新连接…（未保存的内容不会丢失，请等连接恢复后再保存）"
        description={connection.message ?? undefined}
      />
    )
  }

  if (connection.state !== 'certificateChanged') return null

  // No one can sign in while the host is refused, and signing in to an impostor would hand it the
  // password: so before a login whoever is at this PC may review it, the text asking for the 管理员.
  const mayReview = user === null || user.role === 'admin'
  const { address, port } = connection
  const review = async (): Promise<void> => {
    if (address === null || port === null) return
    setChecking(true)
    setFailure(null)
    try {
      setProbed({ host: address, port, seen: await call('office.probe', { host: address, port }) })
    } catch (error) {
      setFailure(errorMessage(error))
    } finally {
      setChecking(false)
    }
  }

  return (
    <>
      <Alert
        type="error"
        showIcon
        role="alert"
        banner
        title={`主机 ${name} 的证书已改变，已拒绝连接`}
        description={
          <Space orientation="vertical" size={4}>
            <span>
              {connection.message ??
                '可能是另一台电脑在冒充主机。在核对之前不要登录，也不要输入密码；请管理员核对主机上显示的证书指纹。'}
            </span>
            {failure && <span role="status">{failure}</span>}
          </Space>
        }
        action={
          mayReview && address !== null ? (
            <Button danger loading={checking} onClick={() => void review()}>
              核对新指纹…
            </Button>
          ) : undefined
        }
      />
      {probed && (
        <FingerprintCheck
          probed={probed}
          changed
          onCancel={() => setProbed(null)}
          onConnected={() => {
            setProbed(null)
            setAccepted(true)
          }}
        />
      )}
    </>
  )
}
