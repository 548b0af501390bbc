import { App, Button, Radio, Space, Spin, Table, Typography } from 'antd'
import { useEffect, useState } from 'react'
import { customerFieldKeys, customerFieldLabels, type Customer, type CustomerField } from '../../../../shared/customer'
import type { DuplicateGroup } from '../../../../shared/customerMerge'
import { displayCustomerValue } from '../../../../shared/customerValueDisplay'
import { call, errorMessage } from '../../api/client'
import { LoadFailed, Loaded } from '../../api/LoadFailed'
import { useQuery } from '../../api/useQuery'

/** One group side by side: the customer to keep, a choice per differing field, and 合并. */
export function DuplicateGroupCompare({
  group,
  onMerged,
}: {
  group: DuplicateGroup
  onMerged: () => Promise<void>
}): React.JSX.Element {
  const { message, modal } = App.useApp()
  const dictionary = useQuery('dictionary.list', {})
  const [cards, setCards] = useState<Customer[] | null>(null)
  const [survivorId, setSurvivorId] = useState<number | null>(null)
  const [choices, setChoices] = useState<Partial<Record<CustomerField, number>>>({})
  const [merging, setMerging] = useState(false)
  const [failed, setFailed] = useState<string>()
  // Bumped by 重试 to load the group's cards again.
  const [attempt, setAttempt] = useState(0)

  useEffect(() => {
    let live = true
    void Promise.all(group.members.map((m) => call('customers.get', { id: m.id }))).then(
      (loaded) => {
        if (!live) return
        setCards(loaded)
        setFailed(undefined)
        // Keep the most complete record by default: it has the least to take from the others.
        const best = [...loaded].sort((x, y) => y.completeness.percent - x.completeness.percent || x.id - y.id)[0]
        setSurvivorId(best?.id ?? null)
      },
      (error: unknown) => {
        if (live) setFailed(errorMessage(error))
      },
    )
    return () => {
      live = false
    }
  }, [group, attempt])

  const labels = new Map((dictionary.data ?? []).map((item) => [item.id, item.label]))
  const show = (card: Customer, field: CustomerField) => displayCustomerValue(field, card[field], labels)
  const differing = cards
    ? customerFieldKeys.filter((field) => new Set(cards.map((c) => show(c, field) ?? '')).size > 1)
    : []
  const sourceOf = (field: CustomerField): number | null => {
    if (choices[field] !== undefined) return choices[field] as number
    const survivor = cards?.find((c) => c.id === survivorId)
    // An empty field of the survivor is filled from the first other card that has it.
    if (survivor && show(survivor, field) === null) return cards?.find((c) => show(c, field) !== null)?.id ?? survivorId
    return survivorId
  }

  const merge = () => {
    if (!cards || survivorId === null) return
    const survivor = cards.find((c) => c.id === survivorId) as Customer
    const others = cards.filter((c) => c.id !== survivorId)
    modal.confirm({
      title: `把 ${others.length} 个客户合并到「${survivor.name}」？`,
      content: '它们的联系人、交往记录、交易记录、项目、评估和提醒都会移到保留的客户下，原客户移入回收站。',
      okText: '合并',
      cancelText: '取消',
      onOk: async () => {
        setMerging(true)
        try {
          const fields = Object.fromEntries(differing.map((field) => [field, sourceOf(field) as number]))
          await call('customers.merge', { survivorId, mergedIds: others.map((c) => c.id), fields })
          void message.success(`已合并到「${survivor.name}」`)
          await onMerged()
        } catch (error) {
          void message.error(errorMessage(error))
        } finally {
          setMerging(false)
        }
      },
    })
  }

  if (failed !== undefined) {
    return (
      <LoadFailed
        what="这组客户的资料"
        error={failed}
        onRetry={() => {
          setFailed(undefined)
          setAttempt((n) => n + 1)
        }}
      />
    )
  }
  if (!cards) return <Spin />
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Loaded query={dictionary} compact what="字典" />
      <Typography.Text>选择保留的客户（保留其客户编号），并为每个不同的字段选择要保留的值：</Typography.Text>
      <Table
        size="small"
        pagination={false}
        bordered
        rowKey="field"
        scroll={{ x: 'max-content' }}
        dataSource={[
          { field: 'survivor' as const },
          { field: 'stats' as const },
          ...differing.map((field) => ({ field })),
        ]}
        columns={[
          {
            title: '字段',
            width: 140,
            fixed: 'left',
            render: (_, row) =>
              row.field === 'survivor'
                ? '保留的客户'
                : row.field === 'stats'
                  ? '关联记录'
                  : customerFieldLabels[row.field],
          },
          ...cards.map((card) => ({
            title: `${card.name}（${card.code}）`,
            width: 240,
            render: (_: unknown, row: { field: CustomerField | 'survivor' | 'stats' }) => {
              if (row.field === 'survivor') {
                return (
                  <Radio checked={survivorId === card.id} onChange={() => setSurvivorId(card.id)}>
                    保留此客户
                  </Radio>
                )
              }
              if (row.field === 'stats') {
                const m = group.members.find((x) => x.id === card.id)
                return (
                  <Typography.Text type="secondary">
                    联系人 {m?.contactCount ?? 0} · 交易 {m?.saleCount ?? 0} · 交往 {m?.interactionCount ?? 0}
                  </Typography.Text>
                )
              }
              const field = row.field
              const value = show(card, field)
              return (
                <Radio
                  checked={sourceOf(field) === card.id}
                  onChange={() => setChoices({ ...choices, [field]: card.id })}
                >
                  {value ?? <Typography.Text type="secondary">（空）</Typography.Text>}
                </Radio>
              )
            },
          })),
        ]}
      />
      <Button type="primary" danger loading={merging} disabled={survivorId === null} onClick={merge}>
        合并
      </Button>
    </Space>
  )
}
