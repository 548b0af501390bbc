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
  /** The name the host's certificate gave when it was pinned: what 已连接到 <主机名> shows. */
  hostname: z.string().max(64).optional(),
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

const hostAndPort = { host: hostAddress, port }

/** First contact: what the host at this address presents, before anything is trusted. */
export const officeProbeInput = z.strictObject(hostAndPort, { error: strictError('连接主机') })
export const officeProbeOutput = z.object({
  /** The name in the host's certificate (its computer name); the fingerprint is what proves it. */
  hostname: z.string(),
  /** To compare with the fingerprint on the host's 办公室共享 screen before pinning it. */
  fingerprint: fingerprintSchema,
  /** The host refuses other PCs while its 多用户 is off. */
  accountsEnabled: z.boolean(),
})
export type OfficeProbe = z.infer<typeof officeProbeOutput>

/**
 * Pins the fingerprint the user compared and makes this PC a client from its next
 * start. Again with a new fingerprint is how a 管理员 accepts a host's new certificate.
 */
export const officeConnectInput = z.strictObject(
  { ...hostAndPort, fingerprint: fingerprintSchema },
  { error: strictError('连接主机') },
)

export const officeDiscoverInput = z.strictObject(
  { seconds: z.number({ error: '搜索时间必须是数字' }).int().min(1).max(10).optional() },
  { error: strictError('搜索主机') },
)
/** A host that announced itself on the LAN (mDNS). Unverified: the fingerprint check comes after. */
export const foundHostSchema = z.object({ name: z.string(), host: z.string(), port: z.number().int() })
export type FoundHost = z.infer<typeof foundHostSchema>

export const connectionStates = ['local', 'connecting', 'connected', 'reconnecting', 'certificateChanged'] as const
export type ConnectionState = (typeof connectionStates)[number]

/** A client PC's link to the host, for the 已连接到 line and the disconnected banner; 'local' on a 单机 or 主机 PC. */
export const officeConnectionOutput = z.object({
  state: z.enum(connectionStates),
  /** The host's name (已连接到 <hostName>); null on a 单机 or 主机 PC. */
  hostName: z.string().nullable(),
  address: z.string().nullable(),
  port: z.number().int().nullable(),
  /** When the state last changed (ISO time). */
  since: z.string().nullable(),
  /** What to tell the user in this state, in Chinese; null when all is well. */
  message: z.string().nullable(),
  /** A changed certificate's fingerprint, for a 管理员 to compare with the host's screen before accepting it. */
  seenFingerprint: fingerprintSchema.nullable(),
})
export type OfficeConnection = z.infer<typeof officeConnectionOutput>
