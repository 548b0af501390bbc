import { z } from 'zod'
import { strictError } from './fieldSchemas'

/**
 * 办公室共享: 单机 (the default), 主机 (this PC keeps the database and serves the
 * office over HTTPS) or 连接到主机 (this PC works on the host's data). Kept in the
 * data folder's office.json, outside the database: a client PC has no customer data.
 */
export const officeModes = ['single', 'host', 'client'] as const
export type OfficeMode = (typeof officeModes)[number]
export const officeModeLabels: Record<OfficeMode, string> = { single: '单机', host: '主机', client: '连接到主机' }

/** Unassigned by IANA and above Windows' reserved range, so it rarely collides with another program. */
export const defaultHostPort = 17890

const port = z
  .number({ error: '端口必须是数字' })
  .int('端口必须是整数')
  .min(1024, '端口不能小于 1024')
  .max(65535, '端口不能大于 65535')

/** A host name (DESKTOP-AB12CD, office-pc.local) or an IPv4 address, as typed on a client. */
const hostAddress = z
  .string({ error: '请填写主机地址' })
  .trim()
  .min(1, '请填写主机地址')
  .max(253, '主机地址过长')
  .regex(
    /^[A-Za-z0-9]([A-Za-z0-9-]{0,62})(\.[A-Za-z0-9]([A-Za-z0-9-]{0,62}))*$/,
    '主机地址应为电脑名或 IP 地址，如 192.168.1.20',
  )

/** SHA-256 of the host's certificate, as Node and Windows show it: 32 hex pairs joined by colons. */
export const fingerprintSchema = z.string().regex(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/, '证书指纹格式不正确')

export const officeClientSchema = z.object({
  address: hostAddress,
  port,
  /** Pinned on the first connection, after the user compared it with the host's screen. */
  fingerprint: fingerprintSchema.nullable(),
})
export type OfficeClientSettings = z.infer<typeof officeClientSchema>

export const officeConfigSchema = z.object({
  mode: z.enum(officeModes),
  hostPort: port.default(defaultHostPort),
  /** Kept when the PC goes back to 单机, so connecting again needs no retyping. */
  client: officeClientSchema.nullable().default(null),
})
export type OfficeConfig = z.infer<typeof officeConfigSchema>
export const defaultOfficeConfig: OfficeConfig = { mode: 'single', hostPort: defaultHostPort, client: null }

export const setOfficeModeInput = z.discriminatedUnion(
  'mode',
  [
    z.strictObject({ mode: z.literal('single') }, { error: strictError('办公室共享设置') }),
    z.strictObject({ mode: z.literal('host'), port: port.optional() }, { error: strictError('办公室共享设置') }),
    z.strictObject(
      { mode: z.literal('client'), address: hostAddress, port, fingerprint: fingerprintSchema.nullable() },
      { error: strictError('办公室共享设置') },
    ),
  ],
  { error: '共享方式只能是：单机、主机、连接到主机' },
)

export const officeStatusOutput = z.object({
  /** What office.json says; the shell acts on a change at the next start. */
  mode: z.enum(officeModes),
  /** This PC's name, which clients may type instead of an address. */
  hostname: z.string(),
  /** This PC's LAN IPv4 addresses, for the clients to type. */
  addresses: z.array(z.string()),
  /** The port the host serves (or will serve at its next start). */
  port: z.number(),
  /** The host certificate's SHA-256, once the host has made one; clients compare it before pinning. */
  fingerprint: fingerprintSchema.nullable(),
  /** The host server is running in this process now. */
  hosting: z.boolean(),
  /** Sharing needs 多用户: the host refuses every other PC while accounts are off. */
  accountsEnabled: z.boolean(),
  client: officeClientSchema.nullable(),
  /** office.json could not be read (it is then taken as 单机); shown so the user knows why. */
  problem: z.string().nullable(),
})
export type OfficeStatus = z.infer<typeof officeStatusOutput>
