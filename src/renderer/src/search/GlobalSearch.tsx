import { SearchOutlined } from '@ant-design/icons'
import { Button, Empty, Input, Modal, Tag, Typography, type InputRef } from 'antd'
import { useEffect, useRef, useState } from 'react'
import { searchMatchLabel, type SearchGlobalOutput } from '../../../shared/search'
import { navigate } from '../app/navigate'
import { shortcuts, useShortcut } from '../app/shortcuts'
import { call, errorMessage } from '../api/client'

/** Long enough not to query on every keystroke, short enough to feel live. */
const debounceMs = 200
const maxQueryLength = 50

/** One line of the results: a customer, or a contact (which opens its customer). */
interface Hit {
  key: string
  customerId: number
  title: string
  detail: string
  /** Why it was found (「拼音首字母匹配」): typing `zs` and seeing 张三 should not puzzle anyone. */
  tag: string
}

function hitsOf(found: SearchGlobalOutput): { customers: Hit[]; contacts: Hit[] } {
  return {
    customers: found.customers.map((c) => ({
      key: `customer-${c.id}`,
      customerId: c.id,
      title: c.name,
      detail: [c.code, c.phone].filter(Boolean).join(' · '),
      tag: searchMatchLabel(c.match),
    })),
    contacts: found.contacts.map((c) => ({
      key: `contact-${c.id}`,
      customerId: c.customerId,
      title: c.name,
      // The phone that matched, so a hit by office phone shows the number typed.
      detail: [c.title, c.match === '办公电话' ? c.officePhone : c.mobile, c.customerName].filter(Boolean).join(' · '),
      tag: searchMatchLabel(c.match),
    })),
  }
}

function openCustomer(id: number): void {
  navigate(`/customers/${id}`)
}

/** The global search box: Ctrl+K from anywhere, customers and contacts as you type. */
export function GlobalSearch(): React.JSX.Element {
  const [open, setOpen] = useState(false)

  useShortcut('globalSearch', () => setOpen(true))

  return (
    <>
      <Button
        icon={<SearchOutlined />}
        onClick={() => setOpen(true)}
        style={{ float: 'right', marginTop: 10 }}
        aria-label="全局搜索"
      >
        搜索 <Typography.Text type="secondary">{shortcuts.globalSearch.label}</Typography.Text>
      </Button>
      <Modal
        open={open}
        onCancel={() => setOpen(false)}
        footer={null}
        closable={false}
        destroyOnHidden
        width={600}
        style={{ top: 80 }}
        styles={{ container: { padding: 0, overflow: 'hidden' }, body: { padding: 0 } }}
        title={null}
      >
        {open && <SearchPanel onClose={() => setOpen(false)} />}
      </Modal>
    </>
  )
}

function SearchPanel({ onClose }: { onClose: () => void }): React.JSX.Element {
  const inputRef = useRef<InputRef>(null)
  const [q, setQ] = useState('')
  /** The last answer (results or an error); kept while the next query is on its way, so the list does not flicker. */
  const [answer, setAnswer] = useState<{ found: SearchGlobalOutput | null; error: string | null } | null>(null)
  const [active, setActive] = useState(0)
  const query = q.trim()

  useEffect(() => {
    // The modal moves focus to itself as it opens; take it back for the input.
    const timer = window.setTimeout(() => inputRef.current?.focus(), 0)
    return () => window.clearTimeout(timer)
  }, [])

  useEffect(() => {
    if (!query) return
    let live = true
    const timer = window.setTimeout(() => {
      call('search.global', { q: query })
        .then((result) => {
          if (live) setAnswer({ found: result, error: null })
        })
        .catch((e: unknown) => {
          if (live) setAnswer({ found: null, error: errorMessage(e) })
        })
    }, debounceMs)
    return () => {
      live = false
      window.clearTimeout(timer)
    }
  }, [query])

  const found = answer?.found ?? null
  const error = answer?.error ?? null
  const groups = found && query ? hitsOf(found) : { customers: [], contacts: [] }
  const hits = [...groups.customers, ...groups.contacts]
  const current = Math.min(active, Math.max(hits.length - 1, 0))

  const openHit = (hit: Hit | undefined): void => {
    if (!hit) return
    onClose()
    openCustomer(hit.customerId)
  }

  const onKeyDown = (e: React.KeyboardEvent): void => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault()
      if (hits.length === 0) return
      const step = e.key === 'ArrowDown' ? 1 : -1
      setActive((current + step + hits.length) % hits.length)
    } else if (e.key === 'Enter') {
      e.preventDefault()
      openHit(hits[current])
    }
  }

  const renderGroup = (label: string, list: Hit[], offset: number): React.JSX.Element | null =>
    list.length === 0 ? null : (
      <div role="group" aria-label={label}>
        <div style={{ padding: '8px 16px 4px', fontSize: 12, color: '#8c8c8c' }}>
          {label}（{list.length}）
        </div>
        {list.map((hit, i) => {
          const index = offset + i
          const selected = index === current
          return (
            <div
              key={hit.key}
              role="option"
              aria-selected={selected}
              onMouseEnter={() => setActive(index)}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => openHit(hit)}
              style={{
                display: 'flex',
                alignItems: 'center',
                gap: 12,
                padding: '8px 16px',
                cursor: 'pointer',
                background: selected ? '#e6f4ff' : undefined,
                borderLeft: `3px solid ${selected ? '#1677ff' : 'transparent'}`,
              }}
            >
              <div style={{ flex: 1, minWidth: 0 }}>
                <div style={{ fontWeight: 500, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
                  {hit.title}
                </div>
                <div
                  style={{
                    fontSize: 12,
                    color: '#8c8c8c',
                    overflow: 'hidden',
                    textOverflow: 'ellipsis',
                    whiteSpace: 'nowrap',
                  }}
                >
                  {hit.detail}
                </div>
              </div>
              <Tag style={{ marginInlineEnd: 0 }}>{hit.tag}</Tag>
            </div>
          )
        })}
      </div>
    )

  return (
    <div>
      <div style={{ padding: 12, borderBottom: '1px solid #f0f0f0' }}>
        <Input
          ref={inputRef}
          autoFocus
          size="large"
          variant="borderless"
          prefix={<SearchOutlined style={{ color: '#8c8c8c' }} />}
          placeholder="搜索客户、联系人、电话"
          aria-label="全局搜索内容"
          maxLength={maxQueryLength}
          value={q}
          onChange={(e) => {
            setQ(e.target.value)
            setActive(0)
          }}
          onKeyDown={onKeyDown}
          allowClear
        />
      </div>
      <div role="listbox" aria-label="搜索结果" style={{ maxHeight: 420, overflowY: 'auto', padding: '4px 0' }}>
        {!query ? (
          <Hint text="输入名称、电话、编号或拼音首字母" />
        ) : error ? (
          <Hint text={error} danger />
        ) : found && hits.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={`没有找到“${query}”`} style={{ margin: 24 }} />
        ) : (
          <>
            {renderGroup('客户', groups.customers, 0)}
            {renderGroup('联系人', groups.contacts, groups.customers.length)}
          </>
        )}
      </div>
      <div
        style={{
          display: 'flex',
          gap: 16,
          padding: '8px 16px',
          borderTop: '1px solid #f0f0f0',
          fontSize: 12,
          color: '#8c8c8c',
        }}
      >
        <span>↑↓ 选择</span>
        <span>Enter 打开</span>
        <span>Esc 关闭</span>
      </div>
    </div>
  )
}

function Hint({ text, danger }: { text: string; danger?: boolean }): React.JSX.Element {
  return (
    <div style={{ padding: '28px 16px', textAlign: 'center' }}>
      <Typography.Text type={danger ? 'danger' : 'secondary'}>{text}</Typography.Text>
    </div>
  )
}
