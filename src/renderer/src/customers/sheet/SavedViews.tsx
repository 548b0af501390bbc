import { DeleteOutlined, DownOutlined, SaveOutlined } from '@ant-design/icons'
import type { ColumnState } from 'ag-grid-community'
import { App, Button, Dropdown, Input, Modal } from 'antd'
import { useEffect, useState } from 'react'
import type { CustomerFilters } from '../../../../shared/customerList'
import { call, errorMessage } from '../../api/client'

/** A named set of search, filters and columns on the sheet, e.g. 我的A级客户 (docs/product-rules.md#screens). */
export interface SavedView {
  name: string
  quick: string
  filters: CustomerFilters
  columns: ColumnState[]
}

const prefKey = 'views.customers'

function isSavedView(value: unknown): value is SavedView {
  const v = value as Partial<SavedView> | null
  return (
    typeof v?.name === 'string' &&
    typeof v.quick === 'string' &&
    typeof v.filters === 'object' &&
    v.filters !== null &&
    Array.isArray(v.columns)
  )
}

export function SavedViews({
  current,
  onApply,
}: {
  /** What the sheet shows now, to be saved under a name. */
  current: () => Omit<SavedView, 'name'>
  onApply: (view: SavedView) => void
}): React.JSX.Element {
  const { message } = App.useApp()
  const [views, setViews] = useState<SavedView[]>([])
  const [active, setActive] = useState<string | null>(null)
  const [naming, setNaming] = useState<string | null>(null)

  useEffect(() => {
    call('prefs.get', { key: prefKey })
      .then(({ value }) => setViews(Array.isArray(value) ? value.filter(isSavedView) : []))
      .catch((error: unknown) => message.error(errorMessage(error)))
  }, [message])

  const store = async (next: SavedView[], done: string): Promise<void> => {
    try {
      await call('prefs.set', { key: prefKey, value: next })
      setViews(next)
      message.success(done)
    } catch (error) {
      message.error(errorMessage(error))
    }
  }

  const save = async (): Promise<void> => {
    const name = (naming ?? '').trim()
    if (!name) return void message.warning('请填写视图名称')
    const view = { name, ...current() }
    await store([...views.filter((v) => v.name !== name), view], `已保存视图「${name}」`)
    setActive(name)
    setNaming(null)
  }

  return (
    <>
      <Dropdown
        menu={{
          items: [
            ...views.map((v) => ({ key: `view:${v.name}`, label: v.name })),
            ...(views.length > 0 ? [{ type: 'divider' as const }] : []),
            { key: 'save', label: '保存当前视图…', icon: <SaveOutlined /> },
            ...(active
              ? [{ key: 'delete', label: `删除视图「${active}」`, icon: <DeleteOutlined />, danger: true }]
              : []),
          ],
          onClick: ({ key }) => {
            if (key === 'save') return setNaming(active ?? '')
            if (key === 'delete' && active) {
              void store(
                views.filter((v) => v.name !== active),
                `已删除视图「${active}」`,
              )
              return setActive(null)
            }
            const view = views.find((v) => `view:${v.name}` === key)
            if (view) {
              setActive(view.name)
              onApply(view)
            }
          },
        }}
      >
        <Button>
          {active ? `视图：${active}` : '视图'} <DownOutlined />
        </Button>
      </Dropdown>
      <Modal
        open={naming !== null}
        title="保存当前视图"
        okText="保存"
        cancelText="取消"
        onOk={() => void save()}
        onCancel={() => setNaming(null)}
      >
        <p style={{ color: '#666' }}>保存当前的搜索、筛选条件和列设置，以后一键切换。同名视图会被覆盖。</p>
        <Input
          autoFocus
          maxLength={30}
          placeholder="例如：我的A级客户"
          aria-label="视图名称"
          value={naming ?? ''}
          onChange={(e) => setNaming(e.target.value)}
          onPressEnter={() => void save()}
        />
      </Modal>
    </>
  )
}
