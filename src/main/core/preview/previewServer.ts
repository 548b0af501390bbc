import fastifyStatic from '@fastify/static'
import type { FastifyReply, FastifyRequest } from 'fastify'
import { readFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import type { Dispatch } from '../dispatch'
import type { ChangeFeed } from '../live/changeFeed'
import { createApiServer, fail, type ListeningServer } from './apiServer'
import { bridgeScript } from './bridgeScript'

export type PreviewServer = ListeningServer

/**
 * The browser preview: the core's API on 127.0.0.1 only, plus the built
 * renderer, whose page loads /bridge.js (the preload's stand-in) before the app.
 * Any other GET answers the page too, so a reload on a deep link still works.
 */
export async function startPreviewServer(options: {
  dispatch: Dispatch
  /** Live updates on /events (the core's `changes`). */
  changes?: ChangeFeed
  rendererDir: string
  port: number
}): Promise<PreviewServer> {
  const rendererDir = resolve(options.rendererDir)
  const page = async (request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return fail(reply, 405, '不支持的请求')
    }
    // The page is the built one, unchanged but for the bridge loaded before the app.
    const html = (await readFile(join(rendererDir, 'index.html'), 'utf8')).replace(
      '<head>',
      '<head>\n    <script src="/bridge.js"></script>',
    )
    return reply.header('Content-Type', 'text/html; charset=utf-8').header('Cache-Control', 'no-store').send(html)
  }
  const { app, listen } = createApiServer({
    dispatch: options.dispatch,
    changes: options.changes,
    bind: { host: '127.0.0.1', port: options.port },
    fallback: page,
  })
  app.get('/', page)
  app.get('/bridge.js', async (_request, reply) =>
    reply
      .header('Content-Type', 'text/javascript; charset=utf-8')
      .header('Cache-Control', 'no-store')
      .send(bridgeScript),
  )
  await app.register(fastifyStatic, {
    root: rendererDir,
    // index.html only through `page`, so it never goes out without the bridge.
    index: false,
    allowedPath: (pathname) => pathname !== '/index.html',
    dotfiles: 'deny',
  })
  return listen()
}
