import { Alert } from 'antd'

/**
 * The shell reads office.json only at start. It offers no relaunch to the page, so
 * the desktop app says how; the browser preview has no tray and just the fact.
 */
export function RestartNotice({ what }: { what: string }): React.JSX.Element {
  const desktop = typeof window.kqBridge?.platform === 'function'
  return (
    <Alert
      type="info"
      showIcon
      role="status"
      title={`${what}，重新启动客情管家后生效`}
      description={
        desktop
          ? '关闭窗口后程序仍在托盘中：请右键点屏幕右下角托盘里的客情管家图标，选「退出」，再重新打开客情管家。'
          : undefined
      }
      style={{ marginBottom: 16 }}
    />
  )
}
