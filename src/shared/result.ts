import { z } from 'zod'

/** Every failure that crosses the IPC boundary carries one of these codes and a Chinese message. */
export const errorCodes = [
  'VALIDATION',
  'NOT_FOUND',
  'CONFLICT',
  'IN_USE',
  'UNKNOWN_CHANNEL',
  'FORBIDDEN',
  /** No valid session: the renderer shows the login. */
  'UNAUTHENTICATED',
  'DB_OPEN',
  /** A client PC could not reach the office host (or lost it mid-call): the message says whether anything was saved. */
  'UNREACHABLE',
  'INTERNAL',
] as const
export type ErrorCode = (typeof errorCodes)[number]

export const appErrorSchema = z.object({
  code: z.enum(errorCodes),
  message: z.string(),
  /** Per-field messages for forms, keyed by the field path. */
  fields: z.record(z.string(), z.string()).optional(),
})
export type AppErrorShape = z.infer<typeof appErrorSchema>

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorShape }
