import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons'
import {
  App,
  Button,
  Empty,
  Input,
  InputNumber,
  Menu,
  Popconfirm,
  Space,
  Switch,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd'
import type { ColumnsType } from 'antd/es/table'
import { useState } from 'react'
import { categoryInfo, dictionaryCategories, type DictItem, type DictionaryCategory } from '../../../shared/dictionary'
import { call, errorMessage } from '../api/client'
import { Loaded } from '../api/LoadFailed'
import { useQuery } from '../api/useQuery'
import { CycleDaysInput } from './CycleDaysInput'
import { EditableText } from './EditableText'

/** 系统字典 (docs/product-rules.md#dictionaries): per category add, rename, reorder, enable/disable, cycle days, delete. */
export function DictionaryPanel(): React.JSX.Element {
  const [category, setCategory] = useState<DictionaryCategory>('region')
  const info = categoryInfo(category)
  const list = useQuery('dictionary.list', { category })
  const { data: items = [], loading, reload } = list
  const { message } = App.useApp()

  const run = async (work: () => Promise<unknown>, done?: string): Promise<boolean> => {
    try {
      await work()
      if (done) message.success(done)
      return true
    } catch (error) {
      message.error(errorMessage(error))
      return false
    } finally {
      await reload()
    }
  }

  const move = (index: number, delta: number): Promise<boolean> => {
    const ids = items.map((i) => i.id)
    const [moved] = ids.splice(index, 1)
    if (moved === undefined) return Promise.resolve(false)
    ids.splice(index + delta, 0, moved)
    return run(() => call('dictionary.reorder', { category, ids }))
  }

  const columns: ColumnsType<DictItem> = [
    {
      title: '顺序',
      width: 90,
      render: (_, __, index) => (
        <Space size={2}>
          <Button
            size="small"
            type="text"
            icon={<ArrowUpOutlined />}
            aria-label="上移"
            disabled={index === 0}
            onClick={() => void move(index, -1)}
          />
          <Button
            size="small"
            type="text"
            icon={<ArrowDownOutlined />}
            aria-label="下移"
            disabled={index === items.length - 1}
            onClick={() => void move(index, 1)}
          />
        </Space>
      ),
    },
    {
      title: '名称',
      dataIndex: 'label',
      render: (label: string, item) => (
        <EditableText
          value={label}
          ariaLabel={`重命名 ${label}`}
          onSave={(next) => run(() => call('dictionary.update', { id: item.id, label: next }), '已重命名')}
        />
      ),
    },
    ...(info.cycle
      ? [
          {
            title: '周期（天）',
            dataIndex: 'cycleDays',
            width: 170,
            render: (days: number | null, item: DictItem) => (
              <CycleDaysInput
                days={days}
                label={item.label}
                onSave={(next) => run(() => call('dictionary.update', { id: item.id, cycleDays: next }))}
              />
            ),
          },
        ]
      : []),
    ...(info.group
      ? [
          {
            title: info.group,
            dataIndex: 'groupName',
            width: 160,
            render: (group: string | null, item: DictItem) => (
              <EditableText
                value={group ?? ''}
                placeholder="未分类"
                ariaLabel={`${item.label} ${info.group}`}
                allowEmpty
                onSave={(next) => run(() => call('dictionary.update', { id: item.id, groupName: next || null }))}
              />
            ),
          },
        ]
      : []),
    {
      title: '使用次数',
      dataIndex: 'usage',
      width: 90,
      align: 'right',
    },
    {
      title: '状态',
      dataIndex: 'enabled',
      width: 100,
      render: (enabled: boolean, item) => (
        <Switch
          size="small"
          checked={enabled}
          checkedChildren="启用"
          unCheckedChildren="停用"
          onChange={(next) => void run(() => call('dictionary.update', { id: item.id, enabled: next }))}
        />
      ),
    },
    {
      title: '操作',
      width: 80,
      render: (_, item) =>
        item.usage > 0 ? (
          <Tooltip title="正在使用，不能删除；可以停用">
            <Button size="small" type="text" icon={<DeleteOutlined />} disabled aria-label={`删除 ${item.label}`} />
          </Tooltip>
        ) : (
          <Popconfirm
            title={`删除「${item.label}」？`}
            okText="删除"
            cancelText="取消"
            onConfirm={() => run(() => call('dictionary.delete', { id: item.id }), '已删除')}
          >
            <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={`删除 ${item.label}`} />
          </Popconfirm>
        ),
    },
  ]

  return (
    <div style={{ display: 'flex', gap: 16, minHeight: 520 }}>
      <Menu
        mode="inline"
        style={{ width: 168, flex: 'none', borderInlineEnd: '1px solid #eef0f3' }}
        selectedKeys={[category]}
        items={dictionaryCategories.map((c) => ({ key: c.key, label: c.label }))}
        onClick={({ key }) => setCategory(key as DictionaryCategory)}
      />
      <div style={{ flex: 1, minWidth: 0 }}>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>
          {hint(category)}
        </Typography.Paragraph>
        <AddItemForm
          key={category}
          category={category}
          onAdd={(input) => run(() => call('dictionary.create', input), `已添加「${input.label}」`)}
        />
        <Loaded query={list}>
          <Table<DictItem>
            rowKey="id"
            size="small"
            bordered
            loading={loading}
            columns={columns}
            dataSource={items}
            pagination={false}
            rowClassName={(item) => (item.enabled ? '' : 'dict-disabled')}
            locale={{ emptyText: <Empty description={`还没有${info.label}，请在上方添加`} /> }}
          />
        </Loaded>
      </div>
    </div>
  )
}

function AddItemForm({
  category,
  onAdd,
}: {
  category: DictionaryCategory
  onAdd: (input: {
    category: DictionaryCategory
    label: string
    cycleDays?: number
    groupName?: string
  }) => Promise<boolean>
}): React.JSX.Element {
  const info = categoryInfo(category)
  const [label, setLabel] = useState('')
  const [cycleDays, setCycleDays] = useState<number | null>(null)
  const [groupName, setGroupName] = useState('')
  const submit = async (): Promise<void> => {
    const ok = await onAdd({
      category,
      label,
      ...(info.cycle && cycleDays ? { cycleDays } : {}),
      ...(info.group && groupName ? { groupName } : {}),
    })
    if (ok) {
      setLabel('')
      setCycleDays(null)
    }
  }
  return (
    <Space.Compact style={{ marginBottom: 12 }}>
      <Input
        style={{ width: 220 }}
        placeholder={`新的${info.label}名称`}
        aria-label={`新的${info.label}名称`}
        value={label}
        onChange={(e) => setLabel(e.target.value)}
        onPressEnter={() => void submit()}
      />
      {info.cycle && (
        <InputNumber
          style={{ width: 140 }}
          min={1}
          max={3650}
          placeholder="周期天数"
          aria-label="周期天数"
          addonAfter="天"
          value={cycleDays}
          onChange={(v) => setCycleDays(v)}
        />
      )}
      {info.group && (
        <Input
          style={{ width: 160 }}
          placeholder={info.group}
          aria-label={info.group}
          value={groupName}
          onChange={(e) => setGroupName(e.target.value)}
        />
      )}
      <Button type="primary" icon={<PlusOutlined />} onClick={() => void submit()}>
        添加
      </Button>
    </Space.Compact>
  )
}

function hint(category: DictionaryCategory): React.ReactNode {
  switch (category) {
    case 'contactStrategy':
      return '联系策略的周期天数决定跟进提醒：距最近联系超过周期即提醒。'
    case 'purchaseStrategy':
      return '购买策略的周期天数决定业务下滑提醒：已购买的客户距最近交易超过周期即提醒。'
    case 'product':
      return '录入本公司的产品，交易记录从这里选择产品。'
    case 'staff':
      return '业务员负责客户、登记交往记录。'
    default:
      return (
        <>
          被客户使用的项目不能删除，可以<Tag style={{ marginInline: 4 }}>停用</Tag>，已有记录仍显示原名称。
        </>
      )
  }
}
