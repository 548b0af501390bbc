import { SaveOutlined } from '@ant-design/icons'
import { Alert, App, Button, Form, Space, Spin, Typography } from 'antd'
import { useEffect, useMemo, useState } from 'react'
import { completeness } from '../../../../shared/completeness'
import type { Customer } from '../../../../shared/customer'
import { isStaleEdit } from '../../../../shared/editVersion'
import { ApiError, call, errorMessage } from '../../api/client'
import { Loaded } from '../../api/LoadFailed'
import { useQuery } from '../../api/useQuery'
import { navigate } from '../../app/navigate'
import { useShortcut } from '../../app/shortcuts'
import { confirmLeave, useUnsavedGuard } from '../../app/unsavedGuard'
import { CardFieldInput } from './CardFieldInput'
import { StatValue } from './CardFieldValue'
import { cardFormProps } from './cardFormProps'
import { cardFromCustomer, changeCount, createInput, emptyCard, updateInput, type CardFormValues } from './cardValues'
import { ContactsEditor } from './ContactsEditor'
import { CustomerCardLayout } from './CustomerCardLayout'
import { DuplicateAlert } from './DuplicateAlert'
import { applyServerErrors, clearChangedErrors, contactIndexes } from './serverErrors'
import { CardDraftOffer } from './CardDraftOffer'
import { useCardDraft } from './useCardDraft'
import { useCardLookups } from './useCardLookups'
import { useDuplicateCheck } from './useDuplicateCheck'
import { useScrolledToTop } from './useScrolledToTop'

export interface CustomerCardFormProps {
  /** The customer to edit; without it the card registers a new one. */
  customerId?: number
  onSaved: (customer: Customer) => void
  onCancel: () => void
}

/** 客户登记卡 (表2-1) as a form: registers a new customer or edits one. */
export function CustomerCardForm(props: CustomerCardFormProps): React.JSX.Element {
  if (props.customerId === undefined) return <CardEditor onSaved={props.onSaved} onCancel={props.onCancel} />
  return <ExistingCustomerCard {...props} customerId={props.customerId} />
}

function ExistingCustomerCard(props: CustomerCardFormProps & { customerId: number }): React.JSX.Element {
  const customer = useQuery('customers.get', { id: props.customerId })
  const { data, error, loading } = customer
  if (error !== undefined) return <Loaded query={customer} what="客户资料" />
  if (!data || loading) return <Spin style={{ display: 'block', margin: '80px auto' }} />
  return <CardEditor customer={data} onSaved={props.onSaved} onCancel={props.onCancel} />
}

interface EditorProps {
  customer?: Customer
  onSaved: (customer: Customer) => void
  onCancel: () => void
}

function CardEditor({ customer: loaded, onSaved, onCancel }: EditorProps): React.JSX.Element {
  const [form] = Form.useForm<CardFormValues>()
  const { message } = App.useApp()
  const lookups = useCardLookups()
  // The card as last read from the core: 重新载入 after a refused save replaces it under what was typed.
  const [customer, setCustomer] = useState(loaded)
  const [stale, setStale] = useState<string | null>(null)
  const original = useMemo(() => (customer ? cardFromCustomer(customer) : emptyCard()), [customer])
  // Mirrors the whole store (hidden profile fields included) for the parts of the card that react to values.
  const [values, setValues] = useState<CardFormValues>(original)
  const [expanded, setExpanded] = useState<ReadonlySet<number>>(new Set())
  const [saving, setSaving] = useState(false)
  const [unplacedErrors, setUnplacedErrors] = useState<string[]>([])
  const top = useScrolledToTop<HTMLDivElement>()
  const dirty = useMemo(() => changeCount(updateInput(0, values, original)) > 0, [values, original])
  const draft = useCardDraft(!customer, values, dirty)
  const guard = useUnsavedGuard(dirty, draft.drop)

  const focusName = (): void => form.focusField('name')
  // A new card starts at 客户名称, the one field every customer has.
  useEffect(() => {
    if (!customer) focusName()
    // Only as the card opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  const duplicates = useDuplicateCheck({
    name: values.name,
    phone: values.phone,
    email: values.email,
    creditCode: values.creditCode,
    excludeId: customer?.id,
  })
  const percentDone = useMemo(() => completeness(values), [values])

  const syncValues = (): void => setValues({ ...(form.getFieldsValue(true) as CardFormValues) })

  const onValuesChange = (changed: Partial<CardFormValues>): void => {
    clearChangedErrors(form, changed)
    if ('provinceCode' in changed) {
      // A new province invalidates the city and district; the 大区 follows the province unless already chosen.
      const province = changed.provinceCode ?? null
      const regionId = form.getFieldValue('regionId') as number | null
      form.setFieldsValue({
        cityCode: null,
        districtCode: null,
        ...(province && !regionId ? { regionId: lookups.regionOfProvince(province) } : {}),
      })
    } else if ('cityCode' in changed) {
      form.setFieldsValue({ districtCode: null })
    }
    syncValues()
  }

  const openContacts = (indexes: number[]): void => {
    if (indexes.length > 0) setExpanded((open) => new Set([...open, ...indexes]))
  }

  /** After the folded part of a contact opened: the eye and the cursor go to the first field in error. */
  const showFirstError = (): void => {
    window.setTimeout(() => {
      const first = form.getFieldsError().find((field) => field.errors.length > 0)
      if (first) form.scrollToField(first.name, { block: 'center', focus: true })
    }, 0)
  }

  const leave = async (): Promise<void> => {
    if (await confirmLeave()) onCancel()
  }

  const restoreDraft = (): void => {
    if (!draft.offered) return
    form.setFieldsValue(draft.offered.values)
    draft.dismissOffer()
    syncValues()
  }

  const save = async (): Promise<void> => {
    if (saving) return
    setUnplacedErrors([])
    try {
      await form.validateFields()
    } catch (error) {
      const failed = (error as { errorFields?: { name: (string | number)[] }[] }).errorFields ?? []
      openContacts(contactIndexes(failed.map((f) => f.name)))
      showFirstError()
      message.error('请先改正标红的项目')
      return
    }
    const all = form.getFieldsValue(true) as CardFormValues
    setSaving(true)
    try {
      let saved: Customer
      if (customer) {
        const input = updateInput(customer.id, all, original)
        if (changeCount(input) === 0) {
          message.info('没有改动')
          guard.release()
          onSaved(customer)
          return
        }
        // The version it was loaded at: a save by someone else since then refuses this one.
        saved = await call('customers.update', { ...input, version: customer.version })
        message.success('已保存')
      } else {
        saved = await call('customers.create', createInput(all))
        message.success(`已登记，客户编号 ${saved.code}`)
        draft.drop()
      }
      guard.release()
      onSaved(saved)
    } catch (error) {
      if (error instanceof ApiError && isStaleEdit(error)) {
        setStale(error.message)
        return
      }
      if (error instanceof ApiError && error.fields) {
        setUnplacedErrors(applyServerErrors(form, error.fields))
        openContacts(contactIndexes(Object.keys(error.fields).map((key) => key.split('.').map(toIndex))))
        showFirstError()
      }
      message.error(errorMessage(error))
    } finally {
      setSaving(false)
    }
  }

  /**
   * The customer as saved by the other user, with this user's own changes put back on
   * top (fields they changed keep what they typed; contacts or groups, if changed, their list).
   */
  const reload = async (): Promise<void> => {
    if (!customer) return
    try {
      const fresh = await call('customers.get', { id: customer.id })
      const typed = form.getFieldsValue(true) as CardFormValues
      const mine = Object.keys(updateInput(customer.id, typed, original)).filter((key) => key !== 'id')
      const merged: Record<string, unknown> = { ...cardFromCustomer(fresh) }
      for (const key of mine) merged[key] = typed[key as keyof CardFormValues]
      form.setFieldsValue(merged as CardFormValues)
      setCustomer(fresh)
      setStale(null)
      syncValues()
      message.info(
        mine.length > 0 ? `已载入最新资料，并保留了您改动的 ${mine.length} 项，请核对后再保存` : '已载入最新资料',
      )
    } catch (error) {
      message.error(errorMessage(error))
    }
  }

  // Ctrl+S saves, as in every office program.
  useShortcut('saveCard', () => void save())
  // Ctrl+N on a new card goes back to its first field; on an edited one it opens a new card (asking first).
  useShortcut('newCustomer', () => (customer ? navigate('/customers/new') : focusName()))

  // Esc leaves the card like 取消, unless it is closing a dropdown, a picker or a dialog.
  const onKeyDown = (event: React.KeyboardEvent): void => {
    if (event.key !== 'Escape' || event.defaultPrevented || overlayOpen()) return
    void leave()
  }

  return (
    <div ref={top} onKeyDown={onKeyDown}>
      <div className="kq-card-toolbar">
        <Typography.Title level={5} style={{ margin: 0 }}>
          {customer ? `编辑客户：${customer.name}` : '新建客户'}
        </Typography.Title>
        <Space>
          <Button onClick={() => void leave()}>取消</Button>
          <Button type="primary" icon={<SaveOutlined />} loading={saving} onClick={() => void save()}>
            保存（Ctrl+S）
          </Button>
        </Space>
      </div>
      <Loaded query={lookups} compact what="字典和分组的选项" />
      {draft.offered && <CardDraftOffer draft={draft.offered} onRestore={restoreDraft} onDiscard={draft.drop} />}
      <Form<CardFormValues>
        form={form}
        {...cardFormProps}
        initialValues={original}
        onValuesChange={onValuesChange}
        onFinish={() => void save()}
        scrollToFirstError={{ block: 'center' }}
      >
        <CustomerCardLayout
          code={customer?.code}
          registeredAt={values.registeredAt}
          kind={values.kind}
          completeness={percentDone}
          renderField={(field) => <CardFieldInput field={field} values={values} lookups={lookups} />}
          renderStat={(stat) => <StatValue stat={stat} customer={customer} />}
          afterName={<DuplicateAlert duplicates={duplicates} />}
          notice={
            stale ? (
              <Alert
                type="warning"
                showIcon
                title={stale}
                description="您填写的内容还在。重新载入会取来最新资料，并把您改动的项目放回去，核对后再保存。"
                action={
                  <Button size="small" type="primary" onClick={() => void reload()}>
                    重新载入
                  </Button>
                }
                style={{ margin: '12px 20px' }}
              />
            ) : unplacedErrors.length > 0 ? (
              <Alert type="error" showIcon title={unplacedErrors.join('；')} style={{ margin: '12px 20px' }} />
            ) : undefined
          }
          contacts={
            <ContactsEditor
              contacts={values.contacts}
              expanded={expanded}
              onToggle={(index) =>
                setExpanded((open) => {
                  const next = new Set(open)
                  if (!next.delete(index)) next.add(index)
                  return next
                })
              }
            />
          }
        />
      </Form>
    </div>
  )
}

function overlayOpen(): boolean {
  return (
    document.querySelector(
      '.ant-select-dropdown:not(.ant-select-dropdown-hidden), .ant-picker-dropdown:not(.ant-picker-dropdown-hidden), .ant-popover:not(.ant-popover-hidden), .ant-modal-wrap',
    ) !== null
  )
}

function toIndex(part: string): string | number {
  return /^\d+$/.test(part) ? Number(part) : part
}
