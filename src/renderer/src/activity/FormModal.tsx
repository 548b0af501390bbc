import { Alert, App, Form, Modal, type FormInstance, type FormProps } from 'antd'
import { useState, type ReactNode } from 'react'
import { isStaleEdit } from '../../../shared/editVersion'
import { ApiError } from '../api/client'
import { Loaded } from '../api/LoadFailed'
import type { LoadState } from '../api/useQuery'
import { reportSaveError } from './activityHelpers'

/**
 * The modal form every record dialog shares (交往, 交易, 项目, 竞争对手, 意见,
 * 完成提醒): a horizontal form whose OK button submits it; while `submit` runs
 * the button spins; on success its message shows and `onDone` runs; a refusal
 * from the core lands on the fields it names, the rest in one message.
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
  /** Shown above the form. */
  intro?: ReactNode
  /** The load of the form's choices (dictionaries): a failure is said above the form, or the lists would just be empty. */
  options?: LoadState
  children: ReactNode
}) {
  const { message } = App.useApp()
  const [saving, setSaving] = useState(false)
  const [stale, setStale] = useState<string | null>(null)
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
  return (
    <Modal
      open={open}
      title={title}
      okText={okText}
      cancelText="取消"
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      width={width}
    >
      {stale && (
        <Alert
          type="warning"
          showIcon
          title={stale}
          description="您填写的内容还在，未保存。请记下要保留的改动，取消后重新打开这条记录，再改一次。"
          style={{ marginBottom: 12 }}
        />
      )}
      {intro}
      {options && <Loaded query={options} compact what="选项" />}
      <Form<V>
        form={form}
        layout="horizontal"
        labelCol={{ flex: labelWidth }}
        initialValues={initialValues}
        preserve={preserve}
        onValuesChange={onValuesChange}
        onFinish={(values) => void finish(values)}
      >
        {children}
      </Form>
    </Modal>
  )
}
