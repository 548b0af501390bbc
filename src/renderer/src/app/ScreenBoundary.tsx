import { HomeOutlined, ReloadOutlined } from '@ant-design/icons'
import { Button, Result, Typography } from 'antd'
import { Component, Fragment, type ReactNode } from 'react'
import { currentRoute, homeRoute, navigate } from './navigate'

interface Props {
  /** A move to another route (another screen, another customer) clears the error. */
  route: string
  children: ReactNode
}

interface State {
  route: string
  error: Error | null
  /** Bumped by 重试 so the screen mounts afresh (and loads again) instead of re-rendering its broken state. */
  attempt: number
}

/**
 * Around each screen: a render error shows what went wrong with 重试 and 返回工作台,
 * instead of React unmounting the whole window to white. Moving to another route starts
 * clean; a screen without an error is not remounted by a move (its tabs keep their state). React itself logs the error and where it
 * happened (console.error), which is all a developer needs.
 */
export class ScreenBoundary extends Component<Props, State> {
  override state: State = { route: this.props.route, error: null, attempt: 0 }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    return props.route === state.route ? null : { route: props.route, error: null }
  }

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error: error instanceof Error ? error : new Error(String(error)) }
  }

  private retry = (): void => this.setState((s) => ({ error: null, attempt: s.attempt + 1 }))

  /** On the 工作台 itself there is no new route to clear the error, so it retries. */
  private home = (): void => (currentRoute() === homeRoute ? this.retry() : navigate(homeRoute))

  override render(): ReactNode {
    const { error, attempt } = this.state
    if (!error) return <Fragment key={attempt}>{this.props.children}</Fragment>
    return (
      <div role="alert" className="kq-screen-failed">
        <Result
          status="error"
          title="此页面出错了"
          subTitle={
            <>
              <Typography.Paragraph type="secondary" style={{ marginBottom: 4 }}>
                已保存的数据不受影响。可以重试，或回到工作台继续工作。
              </Typography.Paragraph>
              <Typography.Text code copyable>
                {error.message || error.name}
              </Typography.Text>
            </>
          }
          extra={[
            <Button key="retry" type="primary" icon={<ReloadOutlined />} onClick={this.retry}>
              重试
            </Button>,
            <Button key="home" icon={<HomeOutlined />} onClick={this.home}>
              返回工作台
            </Button>,
          ]}
        />
      </div>
    )
  }
}
