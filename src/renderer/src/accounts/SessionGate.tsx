import { Button, Result, Spin } from 'antd'
import { Fragment, useEffect, type ReactNode } from 'react'
import { ConnectionBanner } from '../office/ConnectionBanner'
import { LoginScreen } from './LoginScreen'
import { refreshSession, useSession } from './session'

/**
 * Before the app: asks the core whether 多用户 is on. Off (single-PC) → the app as it
 * always was; on → the login until someone signs in. A new user gets a freshly mounted
 * app, so nothing of the previous user's screens stays on show.
 */
export function SessionGate({ children }: { children: ReactNode }): React.JSX.Element {
  const session = useSession()
  useEffect(() => {
    void refreshSession()
  }, [])

  if (session.phase === 'loading') return <Spin size="large" style={{ display: 'block', margin: '30vh auto' }} />
  if (session.phase === 'failed') {
    return (
      <>
        {/* A client PC whose host is away or refused: why, and (certificate changed) the way to accept it. */}
        <ConnectionBanner />
        <Result
          status="warning"
          title="客情管家没有启动完成"
          subTitle={session.message}
          extra={
            <Button type="primary" onClick={() => void refreshSession()}>
              重试
            </Button>
          }
        />
      </>
    )
  }
  if (session.enabled && !session.user) {
    return (
      <>
        <ConnectionBanner />
        <LoginScreen />
      </>
    )
  }
  return <Fragment key={session.user?.id ?? 'local'}>{children}</Fragment>
}
