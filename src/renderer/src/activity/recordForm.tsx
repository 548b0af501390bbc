import { Form } from 'antd'
import { useState } from 'react'
import type { Channel, ChannelInput } from '../../../shared/contract'
import { call } from '../api/client'
import { CustomerPicker } from '../projects/CustomerPicker'

/** The form store of a record: the contract's fields, each empty (null) until filled. */
export type FormValuesOf<Row, K extends keyof Row> = { [P in K]: Row[P] | null }

/** A prefix of the contract with `.create` and `.update` (交往, 交易, 项目, 竞争对手, 意见 …). */
export type EditedPrefix = {
  [C in Channel]: C extends `${infer P}.create` ? (`${P}.update` extends Channel ? P : never) : never
}[Channel]

type WriteInput<P extends EditedPrefix, A extends 'create' | 'update'> = ChannelInput<Extract<Channel, `${P}.${A}`>>

/** The form's first values: the edited record's, or for a new one the defaults, else empty. */
export function formValues<Row, K extends keyof Row>(
  record: Row | undefined,
  keys: readonly K[],
  defaults: Partial<FormValuesOf<Row, K>> = {},
): FormValuesOf<Row, K> {
  return Object.fromEntries(keys.map((key) => [key, record?.[key] ?? defaults[key] ?? null])) as FormValuesOf<Row, K>
}

/**
 * The values the form sends: each empty one as null, except the required ones, which
 * the form's rules fill before this runs (their fallback only satisfies the types).
 */
export function formFields<V, K extends keyof V, R extends Partial<Record<K, unknown>>>(
  values: V,
  keys: readonly K[],
  required: R = {} as R,
): { [P in K]: P extends keyof R ? NonNullable<V[P]> : V[P] } {
  return Object.fromEntries(
    keys.map((key) => [key, values[key] ?? (required as Partial<Record<K, unknown>>)[key] ?? null]),
  ) as { [P in K]: P extends keyof R ? NonNullable<V[P]> : V[P] }
}

/** Writes a record from its form: `.update` of the one being edited, else `.create` with what only a new one gives (its customer). */
export async function saveRecord<P extends EditedPrefix>(
  prefix: P,
  record: { id: number; version?: number } | undefined,
  fields: Omit<WriteInput<P, 'update'>, 'id' | 'version'>,
  createOnly: Omit<WriteInput<P, 'create'>, keyof Omit<WriteInput<P, 'update'>, 'id' | 'version'>>,
): Promise<void> {
  // With the version the dialog was opened at: a save by someone else since then refuses this one.
  if (record) await call(`${prefix}.update` as Channel, { id: record.id, version: record.version, ...fields } as never)
  else await call(`${prefix}.create` as Channel, { ...createOnly, ...fields } as never)
}

/** A prefix whose record can also be read alone (`.get`): its dialog can reload it after a stale save. */
export type ReloadablePrefix = { [P in EditedPrefix]: `${P}.get` extends Channel ? P : never }[EditedPrefix]

/**
 * The record a dialog edits: the one it was opened with until 重新载入 brings the
 * stored one, whose version the next save then sends. `reload` is absent for a new record.
 */
export function useLatestRecord<Row extends { id: number; version: number }>(
  prefix: ReloadablePrefix,
  record: Row | undefined,
): { record: Row | undefined; reload: (() => Promise<Row>) | undefined } {
  const [loaded, setLoaded] = useState<{ of: Row; latest: Row } | null>(null)
  // Another record opened in the same dialog starts from its own.
  const current = record && loaded?.of === record ? loaded.latest : record
  if (!record) return { record: undefined, reload: undefined }
  const reload = async (): Promise<Row> => {
    const latest = (await call(`${prefix}.get`, { id: record.id })) as unknown as Row
    setLoaded({ of: record, latest })
    return latest
  }
  return { record: current, reload }
}

/** 客户 of a new record where the dialog is not opened from a customer's page. */
export function CustomerField(props: { shown: boolean }): React.JSX.Element | null {
  if (!props.shown) return null
  return (
    <Form.Item name="customerId" label="客户" rules={[{ required: true, message: '请选择客户' }]}>
      <CustomerPicker ariaLabel="客户" />
    </Form.Item>
  )
}
