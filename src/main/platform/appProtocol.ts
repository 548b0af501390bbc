import { readFile } from 'node:fs/promises'
import nodePath, { type PlatformPath } from 'node:path'
import { protocol } from 'electron'
import { appHost, appScheme } from './appPage'

/**
 * The page's Content-Security-Policy, sent as a header with every file of the
 * app:// origin. index.html repeats it in a meta tag (tests/main/shell.test.ts
 * keeps the two equal), which the dev server's page and the browser preview use.
 */
export const rendererCsp = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ')

/**
 * app:// behaves like https for the page (relative URLs, module scripts, storage,
 * a secure context); it must be declared before the app is ready.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: appScheme, privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true } },
  ])
}

/** Serves the built renderer's folder, and nothing outside it, at app://kqgj/. */
export function serveAppProtocol(rendererDir: string): void {
  protocol.handle(appScheme, (request) => appResponse(request, rendererDir))
}

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
}

const securityHeaders = {
  // frame-ancestors only works as a header: nothing may frame the page.
  'Content-Security-Policy': `${rendererCsp}; frame-ancestors 'none'`,
  'X-Content-Type-Options': 'nosniff',
  'Cache-Control': 'no-cache',
}

/** The answer to one app:// request: the file, or a plain refusal that names no path. */
export async function appResponse(
  request: { url: string; method: string },
  rendererDir: string,
  path: PlatformPath = nodePath,
): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return refusal(405, 'Method Not Allowed')
  const file = rendererFile(request.url, rendererDir, path)
  if (file === undefined) return refusal(404, 'Not Found')
  let body: Buffer
  try {
    body = await readFile(file)
  } catch {
    return refusal(404, 'Not Found')
  }
  const headers = {
    ...securityHeaders,
    'Content-Type': contentTypes[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
  }
  return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), { status: 200, headers })
}

/**
 * The file inside `rendererDir` that an app:// URL names, or undefined for any
 * other host, a path that climbs out of the folder (also spelled %2e%2e or %2f),
 * a NUL, a backslash (%5c) or a colon (a Windows drive or an NTFS alternate stream).
 */
export function rendererFile(url: string, rendererDir: string, path: PlatformPath = nodePath): string | undefined {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return undefined
  }
  if (parsed.protocol !== `${appScheme}:` || parsed.host.toLowerCase() !== appHost) return undefined
  let decoded: string
  try {
    decoded = decodeURIComponent(parsed.pathname)
  } catch {
    return undefined
  }
  // No built file's name has these; each is a way out on some system (Windows separators, drives, streams).
  if (/[\0:\\]/.test(decoded)) return undefined
  const root = path.resolve(rendererDir)
  const file = path.resolve(root, `.${decoded}`)
  const inside = path.relative(root, file)
  if (inside === '' || inside === '..' || inside.startsWith(`..${path.sep}`) || path.isAbsolute(inside)) {
    return undefined
  }
  return file
}

function refusal(status: number, text: string): Response {
  return new Response(text, {
    status,
    headers: { ...securityHeaders, 'Content-Type': 'text/plain; charset=utf-8' },
  })
}
