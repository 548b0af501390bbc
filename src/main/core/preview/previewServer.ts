import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, join, normalize, sep } from 'node:path'
import type { Dispatch } from '../dispatch'
import { bridgeScript } from './bridgeScript'

const loopback = '127.0.0.1'
const maxBodyBytes = 64 * 1024 * 1024

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
}

export interface PreviewServer {
  server: Server
  url: string
  close(): Promise<void>
}

/**
 * Serves the built renderer and the core's handler map on 127.0.0.1 only:
 * `POST /api/<channel>` with the JSON input answers the same Result JSON as IPC.
 * Requests naming another Host or Origin are refused, so a web page in the
 * user's browser cannot reach the data through DNS rebinding or CSRF.
 */
export async function startPreviewServer(options: {
  dispatch: Dispatch
  rendererDir: string
  port: number
}): Promise<PreviewServer> {
  const server = createServer((request, response) => {
    handle(request, response, options, server).catch((error: unknown) => {
      if (!response.headersSent) send(response, 500, 'text/plain; charset=utf-8', `服务器错误：${String(error)}`)
      else response.destroy()
    })
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port, loopback, () => resolve())
  })
  const { port } = server.address() as AddressInfo
  return {
    server,
    url: `http://${loopback}:${port}/`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

async function handle(
  request: IncomingMessage,
  response: ServerResponse,
  options: { dispatch: Dispatch; rendererDir: string },
  server: Server,
): Promise<void> {
  const { port } = server.address() as AddressInfo
  const allowedHosts = [`${loopback}:${port}`, `localhost:${port}`]
  if (!allowedHosts.includes(request.headers.host ?? '')) {
    return send(response, 403, 'text/plain; charset=utf-8', '只接受本机地址的请求')
  }
  const origin = request.headers.origin
  if (origin !== undefined && !allowedHosts.some((host) => origin === `http://${host}`)) {
    return send(response, 403, 'text/plain; charset=utf-8', '只接受本机页面的请求')
  }
  const url = new URL(request.url ?? '/', `http://${loopback}:${port}`)

  if (url.pathname.startsWith('/api/')) {
    if (request.method !== 'POST') return send(response, 405, 'text/plain; charset=utf-8', '请使用 POST')
    if (!(request.headers['content-type'] ?? '').startsWith('application/json')) {
      return send(response, 415, 'text/plain; charset=utf-8', '请求必须是 JSON')
    }
    const channel = decodeURIComponent(url.pathname.slice('/api/'.length))
    const body = await readBody(request)
    if (body === null) return send(response, 413, 'text/plain; charset=utf-8', '请求过大')
    let input: unknown
    try {
      input = body.length === 0 ? {} : JSON.parse(body)
    } catch {
      return sendJson(response, { ok: false, error: { code: 'VALIDATION', message: '请求不是有效的 JSON' } })
    }
    return sendJson(response, await options.dispatch(channel, input))
  }

  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return send(response, 405, 'text/plain; charset=utf-8', '不支持的请求')
  }
  if (url.pathname === '/bridge.js') return send(response, 200, contentTypes['.js'], bridgeScript)
  return serveStatic(url.pathname, options.rendererDir, response)
}

function serveStatic(pathname: string, rendererDir: string, response: ServerResponse): void {
  const relative = normalize(decodeURIComponent(pathname)).replace(/^([/\\])+/, '')
  const file = join(rendererDir, relative || 'index.html')
  if (!file.startsWith(rendererDir + sep) && file !== rendererDir) {
    return send(response, 403, 'text/plain; charset=utf-8', '禁止访问')
  }
  const target = existsSync(file) && statSync(file).isFile() ? file : join(rendererDir, 'index.html')
  if (target.endsWith('index.html')) {
    // The page is the built one, unchanged but for the bridge loaded before the app.
    const html = readFileSync(target, 'utf8').replace('<head>', '<head>\n    <script src="/bridge.js"></script>')
    return send(response, 200, contentTypes['.html'], html)
  }
  response.writeHead(200, {
    'Content-Type': contentTypes[extname(target)] ?? 'application/octet-stream',
    'X-Content-Type-Options': 'nosniff',
  })
  createReadStream(target).pipe(response)
}

function readBody(request: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    request.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > maxBodyBytes) {
        resolve(null)
        request.destroy()
      } else chunks.push(chunk)
    })
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    request.on('error', reject)
  })
}

function sendJson(response: ServerResponse, value: unknown): void {
  send(response, 200, contentTypes['.json'], JSON.stringify(value))
}

function send(response: ServerResponse, status: number, type: string | undefined, body: string): void {
  response.writeHead(status, {
    'Content-Type': type ?? 'text/plain; charset=utf-8',
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  })
  response.end(body)
}
