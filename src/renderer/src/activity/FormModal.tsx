import { App, Form, Modal, type FormInstance, type FormProps } from 'antd'
import { useState, type ReactNode } from 'react'
import { isStaleEdit } from '../../../shared/editVersion'
import { ApiError, errorMessage } from '../api/client'
import { Loaded } from '../api/LoadFailed'
import type { LoadState } from '../api/useQuery'
import { reportSaveError } from './activityHelpers'
import { changedKeys, fieldName, sameValue, valueText, type FieldLabels } from './staleFields'
import { StaleNotice, type KeptEdit } from './StaleNotice'
import { clearChangedErrors } from '../customers/card/serverErrors'

/** What a dialog of an existing record needs to reload it after a stale save. */
export interface Reloadable<V> {
  /** The record as stored now (its new version kept for the next save), as the form's values. */
  load: () => Promise<V>
  fields: FieldLabels<V>
}

/**
 * The modal form every record dialog shares (交往, 交易, 项目, 竞争对手, 意见,
 * 完成提醒): a horizontal form whose OK button submits it; while `submit` runs
 * the button spins; on success its message shows and `onDone` runs; a refusal
 * from the core lands on the fields it names, the rest in one message. A save
 * refused because someone saved the record first keeps what was typed and offers
 * 重新载入; closing a changed form asks first.
 */
export function FormModal<V extends object>({
  form,
  open = true,
  title,
  okText = '保存',
  width,
  labelWidth,
  initialValues,
  preserve,
  onValuesChange,
  onClose,
  submit,
  onDone,
  reload,
  intro,
  options,
  children,
}: {
  form: FormInstance<V>
  open?: boolean
  title: string
  okText?: string
  width: number
  labelWidth: string
  initialValues: FormProps<V>['initialValues']
  preserve?: boolean
  onValuesChange?: FormProps<V>['onValuesChange']
  onClose: () => void
  /** Saves the values and resolves to the success message. */
  submit: (values: V) => Promise<string>
  onDone: () => void
  /** Given for an existing record: 重新载入 after a stale save. */
  reload?: Reloadable<V>
  /** Shown above the form. */
  intro?: ReactNode
  /** The load of the form's choices (dictionaries): a failure is said above the form, or the lists would just be empty. */
  options?: LoadState
  children: ReactNode
}) {
  const { message, modal } = App.useApp()
  const [saving, setSaving] = useState(false)
  const [reloading, setReloading] = useState(false)
  const [stale, setStale] = useState<string | null>(null)
  // The values the form holds unchanged: those it opened with, or the reloaded record's.
  const [base, setBase] = useState<object>(initialValues ?? {})
  // The user's changes that differ from the reloaded record, by field, until put back or dismissed.
  const [kept, setKept] = useState<Record<string, KeptEdit & { value: unknown }>>({})
  // A dialog that stays mounted while hidden starts afresh each time it opens.
  const [openedAt, setOpenedAt] = useState(open)
  if (open !== openedAt) {
    setOpenedAt(open)
    if (open) {
      setStale(null)
      setBase(initialValues ?? {})
      setKept({})
    }
  }

  const finish = async (values: V): Promise<void> => {
    setSaving(true)
    try {
      message.success(await submit(values))
      onDone()
    } catch (error) {
      // Saved by someone else since the dialog opened: it stays open with what was typed.
      if (error instanceof ApiError && isStaleEdit(error)) {
        setStale(error.message)
        return
      }
      reportSaveError(form, error, (text) => message.error(text))
    } finally {
      setSaving(false)
    }
  }

  /** The latest record in the form; the user's own changes that differ from it listed to put back. */
  const reloadLatest = async (): Promise<void> => {
    if (!reload) return
    setReloading(true)
    try {
      const typed = form.getFieldsValue(true) as Record<string, unknown>
      const fresh = (await reload.load()) as Record<string, unknown>
      const mine = changedKeys(base, typed).filter((key) => key in reload.fields && !sameValue(typed[key], fresh[key]))
      // Named now, while the choices still hold the user's picks (a reload may replace them).
      const edits = mine.map((key) => {
        const field = reload.fields[key as keyof FieldLabels<V>]
        return [key, { key, label: fieldName(field), text: valueText(typed[key], field), value: typed[key] }] as const
      })
      form.setFieldsValue(fresh as Parameters<FormInstance<V>['setFieldsValue']>[0])
      setBase(fresh)
      setStale(null)
      setKept((before) => {
        // An earlier reload's change not put back stays listed, unless the record now says the same.
        const still = Object.entries(before).filter(([key, edit]) => !sameValue(edit.value, fresh[key]))
        return { ...Object.fromEntries(still), ...Object.fromEntries(edits) }
      })
      message.info(mine.length > 0 ? `已载入最新内容，您改过的 ${mine.length} 项列在上方` : '已载入最新内容')
    } catch (error) {
      message.error(errorMessage(error))
    } finally {
      setReloading(false)
    }
  }

  const putBack = (keys: string[]): void => {
    form.setFieldsValue(
      Object.fromEntries(keys.map((key) => [key, kept[key]?.value])) as Parameters<
        FormInstance<V>['setFieldsValue']
      >[0],
    )
    setKept((before) => Object.fromEntries(Object.entries(before).filter(([key]) => !keys.includes(key))))
  }

  const keptEdits: KeptEdit[] = Object.values(kept)

  const changed = (): boolean =>
    keptEdits.length > 0 || (form.isFieldsTouched() && changedKeys(base, form.getFieldsValue(true)).length > 0)

  // 取消, Esc, the X and a click beside the dialog all come here: typing is not lost without asking.
  const requestClose = (): void => {
    if (!changed()) {
      onClose()
      return
    }
    modal.confirm({
      title: '放弃未保存的修改？',
      content: '关闭后，这次填写或修改的内容不会保存。',
      okText: '放弃',
      okButtonProps: { danger: true },
      cancelText: '继续编辑',
      onOk: onClose,
    })
  }

  return (
    <Modal
      open={open}
      title={title}
      okText={okText}
      cancelText="取消"
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={requestClose}
      destroyOnHidden
      width={width}
    >
      <StaleNotice
        refusal={stale}
        reloading={reloading}
        onReload={reload && (() => void reloadLatest())}
        kept={keptEdits}
        onUse={putBack}
        onDismiss={() => setKept({})}
      />
      {intro}
      {options && <Loaded query={options} compact what="选项" />}
      <Form<V>
        form={form}
        layout="horizontal"
        labelCol={{ flex: labelWidth }}
        initialValues={initialValues}
        preserve={preserve}
        onValuesChange={(changed, all) => {
          clearChangedErrors(form, changed)
          onValuesChange?.(changed, all)
        }}
        onFinish={(values) => void finish(values)}
      >
        {children}
      </Form>
    </Modal>
  )
}
