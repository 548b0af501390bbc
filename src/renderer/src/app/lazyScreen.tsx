import { Spin } from 'antd'
import { createElement, Suspense, use, useEffect, useState, type ComponentType } from 'react'

/** A screen component whose code is fetched the first time it is shown (or preloaded). */
export type LazyScreen<P extends object> = ComponentType<P> & { preload: () => Promise<unknown> }

/**
 * A screen whose code is fetched the first time it is shown, so the window does
 * not wait for every screen's libraries (AG Grid, ECharts…) before its first paint.
 * While it loads, 正在打开… stands where the screen will be. Once loaded (or
 * preloaded), it renders at once, without a loading frame.
 *
 * A failed load stays failed while the screen is shown (its error boundary says
 * so); the next time the screen is mounted (重试, or opened again) it is fetched anew.
 */
export function lazyScreen<P extends object>(load: () => Promise<ComponentType<P>>): LazyScreen<P> {
  let loading: Promise<ComponentType<P>> | undefined
  let loaded: ComponentType<P> | undefined
  let failed = false
  const preload = (): Promise<ComponentType<P>> => {
    loading ??= load().then(
      (component) => (loaded = component),
      (error: unknown) => {
        failed = true
        throw new Error('页面文件加载失败，请重试；仍然失败时请重新启动客情管家', { cause: error })
      },
    )
    return loading
  }
  // Not while shown: React renders a failed screen again when the load settles, and a new load
  // there would fail, and render, for ever.
  const forgetFailure = (): void => {
    if (!failed) return
    failed = false
    loading = undefined
  }
  function Loaded(props: P): React.JSX.Element {
    return createElement(loaded ?? use(preload()), props)
  }
  function Screen(props: P): React.JSX.Element {
    useState(forgetFailure)
    return (
      <Suspense fallback={<ScreenLoading />}>
        <Loaded {...props} />
      </Suspense>
    )
  }
  return Object.assign(Screen, { preload })
}

/** Shown only after a moment: a screen that loads at once does not flash it. */
function ScreenLoading(): React.JSX.Element | null {
  const [shown, setShown] = useState(false)
  useEffect(() => {
    const timer = setTimeout(() => setShown(true), 150)
    return () => clearTimeout(timer)
  }, [])
  if (!shown) return null
  return (
    <div role="status" style={{ display: 'flex', alignItems: 'center', gap: 8, padding: 24, color: '#8c8c8c' }}>
      <Spin size="small" />
      正在打开…
    </div>
  )
}

/**
 * Fetches the other screens' code one by one while the window is idle, a little
 * after it opened, so a later click on the sidebar does not wait for it.
 */
export function preloadWhenIdle(screens: readonly { preload: () => Promise<unknown> }[], afterMs = 1500): void {
  const next = (index: number): void => {
    const screen = screens[index]
    if (!screen) return
    requestIdleCallback(
      () => {
        void screen.preload().then(
          () => next(index + 1),
          // A failed preload is retried when the screen is opened; go on with the others.
          () => next(index + 1),
        )
      },
      { timeout: 5000 },
    )
  }
  setTimeout(() => next(0), afterMs)
}
