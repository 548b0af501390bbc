import { Layout, Menu, Result, Typography } from 'antd'
import { sessionPermissions, useSession } from '../accounts/session'
import { StartupNoticeBanner } from '../backup/StartupNoticeBanner'
import { AboutButton } from './AboutButton'
import { GlobalSearch } from '../search/GlobalSearch'
import { UserMenu } from '../accounts/UserMenu'
import { ConnectionBanner } from '../office/ConnectionBanner'
import { ConnectionLabel } from '../office/ConnectionLabel'
import { FirstRunDialog } from './FirstRunDialog'
import { navigate, useRoute } from './navigate'
import { ScreenBoundary } from './ScreenBoundary'
import { screens, type Screen } from './screens'
import { useShortcut, useShortcutListener } from './shortcuts'
import { useLeaveQuestion } from './unsavedGuard'

const { Sider, Header, Content } = Layout

export function AppShell(): React.JSX.Element {
  const route = useRoute()
  const screen = screens.find((s) => route === s.path || route.startsWith(`${s.path}/`)) ?? screens[0]
  const subPath = screen ? route.slice(screen.path.length).replace(/^\//, '') : ''
  const granted = sessionPermissions(useSession())
  const offered = (s: Screen): boolean => !s.needsAny || s.needsAny.some((p) => granted.includes(p))

  useShortcutListener()
  useLeaveQuestion()
  // A new customer card from anywhere.
  useShortcut('newCustomer', () => navigate('/customers/new'))

  return (
    <Layout style={{ height: '100vh' }}>
      <Sider width={184} theme="dark">
        <div style={{ display: 'flex', alignItems: 'center', gap: 10, padding: '18px 18px 14px' }}>
          <img src="./app-icon.png" alt="" width={28} height={28} style={{ borderRadius: 6 }} />
          <span style={{ color: '#fff', fontSize: 18, fontWeight: 600, letterSpacing: 2 }}>客情管家</span>
        </div>
        <Menu
          theme="dark"
          mode="inline"
          selectedKeys={screen ? [screen.path] : []}
          items={screens.filter(offered).map((s) => ({ key: s.path, icon: s.icon, label: s.label }))}
          onClick={({ key }) => navigate(key)}
        />
        <AboutButton />
      </Sider>
      <Layout>
        <Header style={{ height: 52, lineHeight: '52px', padding: '0 20px', borderBottom: '1px solid #e5e8ee' }}>
          <UserMenu />
          <GlobalSearch />
          <ConnectionLabel />
          <Typography.Title level={4} style={{ margin: 0, lineHeight: '52px' }}>
            {screen?.title?.(subPath) ?? screen?.label}
          </Typography.Title>
        </Header>
        {/* Above the scrolling content: seen wherever a long form is scrolled to. */}
        <ConnectionBanner />
        <Content style={{ padding: 16, overflow: 'auto' }}>
          <StartupNoticeBanner />
          <ScreenBoundary route={route}>
            {screen && !offered(screen) ? (
              <Result status="403" title="没有权限" subTitle={`当前用户不能使用「${screen.label}」，请联系管理员`} />
            ) : (
              screen?.render(subPath)
            )}
          </ScreenBoundary>
        </Content>
        <FirstRunDialog />
      </Layout>
    </Layout>
  )
}
