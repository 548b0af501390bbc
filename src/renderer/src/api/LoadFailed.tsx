import { ReloadOutlined } from '@ant-design/icons'
import { Alert, Button, Result } from 'antd'
import type { ReactNode } from 'react'
import type { LoadState } from './useQuery'

export interface LoadFailedProps {
  /** The Chinese message of the failure, as `errorMessage` gives it. */
  error: string
  onRetry: () => void
  /** A retry is under way: the button spins instead of inviting a second click. */
  retrying?: boolean
  /** A strip above a small area (a filter panel, a side card) instead of a block in place of the content. */
  compact?: boolean
  /** What failed to load (比率分析, 近期生日…), when the place does not already say it. */
  what?: string
}

/**
 * What a screen shows in place of data it could not load: the reason and 重试. An empty
 * chart or table would read as "no data", which is a different and wrong answer.
 */
export function LoadFailed({
  error,
  onRetry,
  retrying = false,
  compact = false,
  what,
}: LoadFailedProps): React.JSX.Element {
  const title = what ? `${what}加载失败` : '加载失败'
  const retry = (
    <Button
      size={compact ? 'small' : 'middle'}
      type={compact ? 'default' : 'primary'}
      icon={<ReloadOutlined />}
      loading={retrying}
      onClick={onRetry}
    >
      重试
    </Button>
  )
  if (compact) {
    return (
      <Alert
        className="kq-load-failed"
        role="alert"
        type="error"
        showIcon
        title={`${title}：${error}`}
        action={retry}
        style={{ marginBottom: 12 }}
      />
    )
  }
  return (
    <div className="kq-load-failed" role="alert">
      <Result status="warning" title={title} subTitle={error} extra={retry} style={{ padding: '32px 24px' }} />
    </div>
  )
}

/**
 * The content of a load: `children` once it has data (or while it loads), `LoadFailed`
 * with the query's own reload when it failed.
 */
export function Loaded({
  query,
  compact,
  what,
  children,
}: {
  query: LoadState
  compact?: boolean
  what?: string
  children?: ReactNode
}): React.JSX.Element {
  if (query.error !== undefined) {
    return (
      <LoadFailed
        error={query.error}
        retrying={query.loading}
        onRetry={() => void query.reload()}
        compact={compact}
        what={what}
      />
    )
  }
  return <>{children}</>
}
