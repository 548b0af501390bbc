import {
  BellOutlined,
  DeleteOutlined,
  DollarOutlined,
  EditOutlined,
  LeftOutlined,
  MessageOutlined,
} from '@ant-design/icons'
import { Alert, App, Button, Popconfirm, Result, Space, Spin, Tabs, Tooltip, Typography } from 'antd'
import { useState } from 'react'
import { navigate } from '../../app/navigate'
import { call, errorMessage } from '../../api/client'
import { Loaded } from '../../api/LoadFailed'
import { useQuery } from '../../api/useQuery'
import { useLiveRefresh } from '../../api/liveUpdates'
import { ContactsTable } from '../card/ContactsTable'
import { CustomerCardForm } from '../card/CustomerCardForm'
import { CustomerCardView } from '../card/CustomerCardView'
import { useCardLookups } from '../card/useCardLookups'
import { useScrolledToTop } from '../card/useScrolledToTop'
import { InteractionForm } from '../../activity/InteractionForm'
import { InteractionTimeline } from '../../activity/InteractionTimeline'
import { SaleForm } from '../../activity/SaleForm'
import { SalesTable } from '../../activity/SalesTable'
import { RelationshipTab } from '../../grading/RelationshipTab'
import { CompetitorsTable } from '../../projects/CompetitorsTable'
import { FeedbackTable } from '../../projects/FeedbackTable'
import { ProjectsTable } from '../../projects/ProjectsTable'
import { CustomerContractsTab } from '../../contracts/CustomerContractsTab'
import { ExportCardsButton } from '../../excel/ExportCardsButton'
import { CustomerRemindersTab } from '../../reminders/CustomerRemindersTab'
import { NewReminderDialog } from '../../reminders/NewReminderDialog'
import { HistoryTab } from './HistoryTab'
import './customerDetail.css'

// The routes import both screens of a customer from here.
export { NewCustomer } from './NewCustomer'

type DetailTab =
  | 'card'
  | 'contacts'
  | 'interactions'
  | 'sales'
  | 'projects'
  | 'contracts'
  | 'competitors'
  | 'feedback'
  | 'reminders'
  | 'relationship'
  | 'history'

/**
 * 客户详情: a header with what is done most (登记交往, 登记交易, 编辑), and tabs right under it,
 * the card read-only being the first (编辑 turns it into the form in place): the card is
 * two and a half screens long, and the tabs below it were out of sight.
 */
export function CustomerDetail({ id }: { id: number }): React.JSX.Element {
  const load = useQuery('customers.get', { id, includeDeleted: true })
  const { data: customer, error, reload } = load
  const lookups = useCardLookups()
  const { message } = App.useApp()
  const [editing, setEditing] = useState(false)
  const [deleting, setDeleting] = useState(false)
  const [tab, setTab] = useState<DetailTab>('card')
  const [adding, setAdding] = useState<'interaction' | 'sale' | 'reminder' | null>(null)
  // A record added from the header: its tab is mounted afresh to show it.
  const [added, setAdded] = useState(0)
  const top = useScrolledToTop<HTMLDivElement>(customer !== undefined && !editing)
  // Another user's save shows here; an open 编辑 form keeps what was typed (its save checks the version).
  useLiveRefresh(['customers'], reload, { customerId: id })

  if (error && !customer) {
    return (
      <Result
        status="warning"
        title="无法打开客户资料"
        subTitle={error}
        extra={[
          <Button key="retry" type="primary" loading={load.loading} onClick={() => void reload()}>
            重试
          </Button>,
          <Button key="back" onClick={() => navigate('/customers')}>
            返回客户列表
          </Button>,
        ]}
      />
    )
  }
  if (!customer) return <Spin style={{ display: 'block', margin: '80px auto' }} />

  if (editing) {
    return (
      <CustomerCardForm
        customerId={id}
        onSaved={() => {
          setEditing(false)
          void reload()
        }}
        onCancel={() => setEditing(false)}
      />
    )
  }

  const remove = async (): Promise<void> => {
    setDeleting(true)
    try {
      await call('customers.delete', { ids: [id] })
      message.success(`已将「${customer.name}」移到回收站`)
      navigate('/customers')
    } catch (failure) {
      message.error(errorMessage(failure))
      setDeleting(false)
    }
  }

  const deleted = customer.deletedAt !== null
  const saved = (where: DetailTab): void => {
    setAdding(null)
    setAdded((n) => n + 1)
    setTab(where)
    void reload()
  }
  // The 甲方 of a new project, the owner of new 竞争对手 and 意见 rows.
  const asOption = { value: id, label: customer.name, level: customer.relationshipLevel }
  return (
    <div ref={top}>
      <div className="kq-card-toolbar">
        <Space>
          <Tooltip title="返回客户列表">
            <Button type="text" icon={<LeftOutlined />} aria-label="返回客户列表" href="#/customers" />
          </Tooltip>
          <Typography.Title level={5} style={{ margin: 0 }}>
            {customer.name}
          </Typography.Title>
          <Typography.Text type="secondary">{customer.code}</Typography.Text>
          <Typography.Text type="secondary" aria-label="最后修改">
            最后修改：{customer.updatedByName ? `${customer.updatedByName} · ` : ''}
            {customer.updatedAt}
          </Typography.Text>
        </Space>
        <Space wrap>
          <Button icon={<MessageOutlined />} disabled={deleted} onClick={() => setAdding('interaction')}>
            登记交往
          </Button>
          <Button icon={<DollarOutlined />} disabled={deleted} onClick={() => setAdding('sale')}>
            登记交易
          </Button>
          <Button icon={<BellOutlined />} disabled={deleted} onClick={() => setAdding('reminder')}>
            新建提醒
          </Button>
          <Button type="primary" icon={<EditOutlined />} disabled={deleted} onClick={() => setEditing(true)}>
            编辑
          </Button>
          <ExportCardsButton customerId={id} />
          <Popconfirm
            title={`把「${customer.name}」移到回收站？`}
            description="可在回收站中恢复。"
            okText="移到回收站"
            cancelText="取消"
            okButtonProps={{ danger: true, loading: deleting }}
            onConfirm={() => remove()}
            disabled={deleted}
          >
            <Button danger icon={<DeleteOutlined />} disabled={deleted}>
              删除
            </Button>
          </Popconfirm>
        </Space>
      </div>
      {deleted && (
        <Alert
          type="warning"
          showIcon
          title={`该客户已于 ${customer.deletedAt} 移到回收站，恢复后才能编辑。`}
          style={{ maxWidth: 1200, margin: '0 auto 12px' }}
        />
      )}
      <div className="kq-detail-tabs">
        <Tabs
          activeKey={tab}
          onChange={(key) => setTab(key as DetailTab)}
          items={[
            {
              key: 'card',
              label: '登记卡',
              children: (
                <>
                  <Loaded query={lookups} compact what="字典和分组的选项" />
                  <CustomerCardView customer={customer} lookups={lookups} />
                </>
              ),
            },
            {
              key: 'contacts',
              label: `联系人（${customer.contacts.length}）`,
              children: <ContactsTable contacts={customer.contacts} withNextBirthday />,
            },
            {
              key: 'interactions',
              label: '交往记录',
              children: (
                <InteractionTimeline
                  key={added}
                  customerId={id}
                  contacts={customer.contacts}
                  onChanged={() => void reload()}
                />
              ),
            },
            {
              key: 'sales',
              label: '交易记录',
              children: <SalesTable key={added} customerId={id} onChanged={() => void reload()} />,
            },
            {
              key: 'projects',
              label: '项目',
              children: <ProjectsTable customer={asOption} />,
            },
            { key: 'contracts', label: '合同', children: <CustomerContractsTab customer={asOption} /> },
            {
              key: 'competitors',
              label: '竞争对手',
              children: <CompetitorsTable customer={asOption} />,
            },
            {
              key: 'feedback',
              label: '意见',
              children: <FeedbackTable customer={asOption} />,
            },
            { key: 'reminders', label: '提醒', children: <CustomerRemindersTab key={added} customerId={id} /> },
            {
              key: 'relationship',
              label: '客情评估',
              children: <RelationshipTab customerId={id} readOnly={deleted} onSaved={() => void reload()} />,
            },
            {
              key: 'history',
              label: '变更记录',
              // Keyed by the last change so an edit shows up without a manual refresh.
              children: <HistoryTab key={customer.updatedAt} id={id} />,
            },
          ]}
        />
      </div>
      <InteractionForm
        open={adding === 'interaction'}
        customerId={id}
        contacts={customer.contacts}
        record={undefined}
        onClose={() => setAdding(null)}
        onSaved={() => saved('interactions')}
      />
      <SaleForm
        open={adding === 'sale'}
        customerId={id}
        record={undefined}
        onClose={() => setAdding(null)}
        onSaved={() => saved('sales')}
      />
      <NewReminderDialog
        open={adding === 'reminder'}
        customerId={id}
        onClose={() => setAdding(null)}
        onSaved={() => saved('reminders')}
      />
    </div>
  )
}
