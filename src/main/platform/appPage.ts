/**
 * The built renderer is served from this origin by appProtocol.ts, never from
 * file://: a file: page's 'self' would be every file on the disk.
 */
export const appScheme = 'app'
export const appHost = 'kqgj'
export const builtPageUrl = `${appScheme}://${appHost}/index.html`

/** The one page this app shows: the electron-vite dev server while developing, otherwise the built page. */
export function appPageUrl(devServerUrl: string | undefined): string {
  return devServerUrl ? new URL(devServerUrl).href : builtPageUrl
}

/** A hash route of our page (the tray and notifications open customers and the 工作台 this way). */
export function appRouteUrl(pageUrl: string, route: `#/${string}`): string {
  return new URL(route, pageUrl).href
}

/**
 * Whether `url` is our page, whatever its hash route or query. Only this page may
 * be navigated to and only its frames may call the core: any other page in the
 * window would otherwise reach the customers' data through the bridge.
 */
export function isAppPage(url: string, pageUrl: string): boolean {
  const candidate = parse(url)
  const page = parse(pageUrl)
  if (!candidate || !page) return false
  return (
    candidate.protocol === page.protocol &&
    // Chromium lowercases the host of a standard scheme; Node keeps a custom scheme's as written.
    candidate.host.toLowerCase() === page.host.toLowerCase() &&
    comparablePath(candidate.pathname) === comparablePath(page.pathname)
  )
}

function parse(url: string): URL | undefined {
  try {
    return new URL(url)
  } catch {
    return undefined
  }
}

/** Chromium and Node may percent-encode a path differently (which characters, which case). */
function comparablePath(pathname: string): string {
  try {
    return decodeURIComponent(pathname)
  } catch {
    return pathname
  }
}
