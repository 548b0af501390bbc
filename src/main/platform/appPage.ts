import { pathToFileURL } from 'node:url'

/**
 * The one page this app shows: the electron-vite dev server while developing,
 * otherwise the built renderer's index.html on disk.
 */
export function appPageUrl(devServerUrl: string | undefined, rendererIndexFile: string): string {
  return devServerUrl ? new URL(devServerUrl).href : pathToFileURL(rendererIndexFile).href
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
    candidate.host === page.host &&
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

/**
 * Chromium and Node may percent-encode a path differently (which characters, which
 * case) and Windows drive letters arrive as c: or C:; both name the same file.
 */
function comparablePath(pathname: string): string {
  let decoded: string
  try {
    decoded = decodeURIComponent(pathname)
  } catch {
    return pathname
  }
  return decoded.replace(/^\/([a-z]):/, (_match, drive: string) => `/${drive.toUpperCase()}:`)
}
