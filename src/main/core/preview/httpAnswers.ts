import type { FastifyReply } from 'fastify'

export const textType = 'text/plain; charset=utf-8'
export const jsonType = 'application/json; charset=utf-8'

/** A refusal as plain Chinese text, never cached. */
export function fail(reply: FastifyReply, status: number, message: string): FastifyReply {
  return reply.code(status).header('Content-Type', textType).header('Cache-Control', 'no-store').send(message)
}

/** A Result (or any value) as JSON, never cached. */
export function sendJson(reply: FastifyReply, value: unknown, status = 200): FastifyReply {
  return reply
    .code(status)
    .header('Content-Type', jsonType)
    .header('Cache-Control', 'no-store')
    .send(JSON.stringify(value))
}

/** The session token of `Authorization: Bearer <token>`; null when absent or malformed. */
export function bearerToken(header: string | undefined): string | null {
  const match = /^Bearer ([A-Za-z0-9_-]{20,200})$/.exec(header ?? '')
  return match?.[1] ?? null
}
