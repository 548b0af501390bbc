import { Alert, Button, Space } from 'antd'
import { useState } from 'react'
import { navigate } from '../app/navigate'
import { useQuery } from '../api/useQuery'
import { formatTakenAt } from './formatBackup'

/**
 * What start-up found (app.startupNotice): a database file set aside as
 * unusable, with the newest good backup to restore, or a data folder on a
 * network share. Shown above every screen until closed.
 */
export function StartupNoticeBanner(): React.JSX.Element | null {
  const notice = useQuery('app.startupNotice', {})
  const [closed, setClosed] = useState(false)
  const data = notice.data
  if (closed || !data || (!data.movedAside && !data.networkWarning)) return null
  return (
    <Space orientation="vertical" style={{ width: '100%', marginBottom: 12 }}>
      {data.movedAside && (
        <Alert
          type="error"
          showIcon
          closable={{ onClose: () => setClosed(true) }}
          title="数据文件无法使用，已移到一旁"
          description={
            <>
              {data.movedAside.message}
              {data.newestBackup
                ? ` 最近一份完好的备份是 ${formatTakenAt(data.newestBackup.takenAt)}。`
                : ' 没有找到可用的备份。'}
            </>
          }
          action={
            data.newestBackup ? (
              <Button type="primary" onClick={() => navigate('/data/backup')}>
                去恢复备份
              </Button>
            ) : undefined
          }
        />
      )}
      {data.networkWarning && (
        <Alert type="warning" showIcon closable={{ onClose: () => setClosed(true) }} title={data.networkWarning} />
      )}
    </Space>
  )
}
