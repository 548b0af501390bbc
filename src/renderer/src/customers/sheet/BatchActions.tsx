import { DeleteOutlined, DownOutlined, FileExcelOutlined, MailOutlined } from '@ant-design/icons'
import { App, Button, Dropdown, Modal, Select } from 'antd'
import { useState } from 'react'
import type { DictionaryCategory } from '../../../../shared/dictionary'
import { useCan } from '../../accounts/session'
import { call, errorMessage } from '../../api/client'
import { Loaded } from '../../api/LoadFailed'
import { combinedLoad, useQuery } from '../../api/useQuery'
import { exportExcel } from '../../excel/exportExcel'
import { GreetingDialog } from '../../greetings/GreetingDialog'
import { maxCardsPerExport } from '../../../../shared/excelExport'

type BatchField = 'categoryId' | 'contactStrategyId' | 'ownerStaffId' | 'addGroupIds' | 'removeGroupIds'

const actions: { key: BatchField; label: string; category?: DictionaryCategory }[] = [
  { key: 'categoryId', label: '设置客户类别', category: 'category' },
  { key: 'ownerStaffId', label: '设置负责业务员', category: 'staff' },
  { key: 'contactStrategyId', label: '设置联系策略', category: 'contactStrategy' },
  { key: 'addGroupIds', label: '加入分组' },
  { key: 'removeGroupIds', label: '移出分组' },
]

/** Batch changes over the selected customers; each is one all-or-nothing call. */
export function BatchActions({
  resolveIds,
  count,
  onDone,
}: {
  /** The selected ids (fetched from the server when "all matching" is selected). */
  resolveIds: () => Promise<number[]>
  count: number
  onDone: () => void
}): React.JSX.Element {
  const { message, modal } = App.useApp()
  const [action, setAction] = useState<(typeof actions)[number] | null>(null)
  const [value, setValue] = useState<number | number[] | null>(null)
  const [greetIds, setGreetIds] = useState<number[] | null>(null)
  // Setting 负责业务员 moves customers between people: offered with the 转交 permission only.
  const canHandOver = useCan('handover')
  const offered = actions.filter((a) => a.key !== 'ownerStaffId' || canHandOver)
  const dictionary = useQuery('dictionary.list', {})
  const groups = useQuery('groups.list', {})
  const isGroup = action?.key === 'addGroupIds' || action?.key === 'removeGroupIds'
  const options = isGroup
    ? (groups.data ?? []).map((g) => ({ value: g.id, label: g.name }))
    : (dictionary.data ?? [])
        .filter((i) => i.category === action?.category && i.enabled)
        .map((i) => ({ value: i.id, label: i.label }))

  const apply = async (): Promise<void> => {
    if (!action) return
    try {
      const ids = await resolveIds()
      const set = isGroup ? { [action.key]: (value as number[] | null) ?? [] } : { [action.key]: value }
      const { count: changed } = await call('customers.batchUpdate', { ids, set })
      message.success(`已修改 ${changed} 个客户`)
      setAction(null)
      onDone()
    } catch (error) {
      message.error(errorMessage(error))
    }
  }

  const moveToBin = (): void => {
    modal.confirm({
      title: `把选中的 ${count} 个客户移到回收站？`,
      content: '可以在回收站中恢复。',
      okText: '移到回收站',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: async () => {
        try {
          const { count: moved } = await call('customers.delete', { ids: await resolveIds() })
          message.success(`已将 ${moved} 个客户移到回收站`)
          onDone()
        } catch (error) {
          message.error(errorMessage(error))
        }
      },
    })
  }

  const exportCards = async (): Promise<void> => {
    if (count > maxCardsPerExport) {
      message.error(`一次最多导出 ${maxCardsPerExport.toLocaleString('zh-CN')} 张登记卡，请缩小选择范围后分批导出`)
      return
    }
    await exportExcel(message, `${count.toLocaleString('zh-CN')} 张登记卡`, async () => ({
      kind: 'customerCards',
      ids: await resolveIds(),
    }))
  }

  const greet = async (): Promise<void> => {
    try {
      setGreetIds(await resolveIds())
    } catch (error) {
      message.error(errorMessage(error))
    }
  }

  return (
    <>
      <Dropdown
        disabled={count === 0}
        menu={{
          items: [
            ...offered.map((a) => ({ key: a.key, label: a.label })),
            { type: 'divider' as const },
            { key: 'exportCards', label: '导出登记卡', icon: <FileExcelOutlined /> },
            { key: 'greet', label: '群发邮件（暗送）/ 导出手机号', icon: <MailOutlined /> },
            { type: 'divider' as const },
            { key: 'delete', label: '移到回收站', danger: true, icon: <DeleteOutlined /> },
          ],
          onClick: ({ key }) => {
            if (key === 'delete') return moveToBin()
            if (key === 'exportCards') return void exportCards()
            if (key === 'greet') return void greet()
            setValue(null)
            setAction(actions.find((a) => a.key === key) ?? null)
          },
        }}
      >
        <Button>
          批量操作 <DownOutlined />
        </Button>
      </Dropdown>
      <Modal
        open={action !== null}
        title={`${action?.label ?? ''}（${count} 个客户）`}
        okText="确定"
        cancelText="取消"
        onOk={() => void apply()}
        onCancel={() => setAction(null)}
        okButtonProps={{ disabled: isGroup && !(Array.isArray(value) && value.length > 0) }}
      >
        <Loaded query={combinedLoad(dictionary, groups)} compact what="选项" />
        <Select
          style={{ width: '100%' }}
          mode={isGroup ? 'multiple' : undefined}
          allowClear
          placeholder={isGroup ? '选择分组' : '选择（留空则清除）'}
          aria-label={action?.label}
          options={options}
          value={value ?? undefined}
          onChange={(v: number | number[] | undefined) => setValue(v ?? null)}
        />
      </Modal>
      {greetIds && (
        <GreetingDialog
          source={{ source: 'customers', customerIds: greetIds }}
          title={`群发邮件：选中的 ${greetIds.length} 个客户`}
          subject=""
          onClose={() => setGreetIds(null)}
        />
      )}
    </>
  )
}
