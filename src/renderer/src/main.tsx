import { App as AntApp, ConfigProvider } from 'antd'
import zhCN from 'antd/locale/zh_CN'
import dayjs from 'dayjs'
import 'dayjs/locale/zh-cn'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { z } from 'zod'
import { SessionGate } from './accounts/SessionGate'
import { AppShell } from './app/AppShell'
import { theme } from './app/theme'
import './app/global.css'

// The CSP forbids eval; zod would otherwise probe new Function() and log a violation.
z.config({ jitless: true })
dayjs.locale('zh-cn')

const root = document.getElementById('root')
if (!root) throw new Error('#root missing from index.html')
createRoot(root).render(
  <StrictMode>
    <ConfigProvider locale={zhCN} theme={theme}>
      <AntApp>
        <SessionGate>
          <AppShell />
        </SessionGate>
      </AntApp>
    </ConfigProvider>
  </StrictMode>,
)
