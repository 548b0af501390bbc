import { ReloadOutlined, SendOutlined } from '@ant-design/icons'
import { App, Button, Card, Empty, Segmented, Space, Tag, Typography } from 'antd'
import dayjs from 'dayjs'
import { useEffect, useState } from 'react'
import { reminderKindLabels, reminderKinds, type ReminderKind } from '../../../shared/reminder'
import { addDays } from '../../../shared/dateMath'
import { dueText } from '../../../shared/reminderDates'
import { useReminderScope } from '../accounts/ReminderScopeSwitch'
import { call, errorMessage } from '../api/client'
import { Loaded } from '../api/LoadFailed'
import { useQuery } from '../api/useQuery'
import { useLiveRefresh } from '../api/liveUpdates'
import { GreetingDialog } from '../greetings/GreetingDialog'
import { ReminderTable } from './ReminderTable'
import { reminderKindColors } from './reminderLook'
import './reminders.css'

const pageSize = 20
/** How far ahead the birthdays of the side panel and of the 生日纪念日 tab look. */
const birthdayDays = 7
type KindFilter = ReminderKind | 'all'

/** 今日工作台: what is due today or overdue, upcoming birthdays and 业务下滑 at a glance. */
export function WorkbenchScreen(): React.JSX.Element {
  const { message } = App.useApp()
  const [kind, setKind] = useState<KindFilter>('all')
  const [page, setPage] = useState(1)
  const [scanning, setScanning] = useState(false)
  const [greeting, setGreeting] = useState(false)
  const [allBirthdays, setAllBirthdays] = useState(false)
  const today = dayjs().format('YYYY-MM-DD')
  const { scope: staffId, switcher } = useReminderScope()
  const due = useQuery('reminders.list', {
    staffId,
    view: 'open',
    // The 生日纪念日 tab lists what the side panel counts: birthdays of the coming week too, in time to greet.
    dueTo: kind === 'birthday' ? addDays(today, birthdayDays) : today,
    kinds: kind === 'all' ? undefined : [kind],
    offset: (page - 1) * pageSize,
    limit: pageSize,
  })
  const birthdays = useQuery('reminders.list', {
    staffId,
    view: 'open',
    kinds: ['birthday'],
    dueTo: addDays(today, birthdayDays),
    // A week of birthdays is a few dozen even in a big office; 查看全部 lists them all.
    limit: allBirthdays ? 500 : 8,
  })
  const declines = useQuery('reminders.list', {
    staffId,
    view: 'open',
    kinds: ['salesDecline'],
    limit: 6,
    withCounts: false,
  })
  const festivals = useQuery('reminders.list', { view: 'open', kinds: ['festival'], limit: 3, withCounts: false })

  const reloadAll = async (): Promise<void> => {
    await Promise.all([due.reload(), birthdays.reload(), declines.reload(), festivals.reload()])
  }
  // A colleague completing or snoozing, the host's scan adding, a customer renamed or handed over.
  useLiveRefresh(['reminders', 'customers'], reloadAll)
  // The desktop app scans on a timer; a visit to the 工作台 (and the browser preview) scans too, so it is never stale.
  const scanNow = async (): Promise<void> => {
    setScanning(true)
    try {
      const { created } = await call('reminders.scan', {})
      message.success(created > 0 ? `发现 ${created} 条新提醒` : '没有新的提醒')
      await reloadAll()
    } catch (error) {
      message.error(errorMessage(error))
    } finally {
      setScanning(false)
    }
  }
  useEffect(() => {
    call('reminders.scan', {})
      .then(() => reloadAll())
      .catch((error: unknown) => message.error(errorMessage(error)))
    // Once per visit: the lists of that moment are the ones to refresh.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  const counts = due.data?.counts
  // While the birthday tab is on, the counts are those of its longer window: the others come from the day's list.
  const [dayCounts, setDayCounts] = useState(counts)
  if (kind !== 'birthday' && counts && counts !== dayCounts) setDayCounts(counts)
  const shownCounts = kind === 'birthday' ? dayCounts : counts
  const allCount = shownCounts ? reminderKinds.reduce((sum, k) => sum + shownCounts[k], 0) : 0
  const kindCount = (k: ReminderKind): number =>
    k === 'birthday' ? (birthdays.data?.total ?? 0) : (shownCounts?.[k] ?? 0)
  const listToday = due.data?.today ?? today
  return (
    <div className="kq-workbench">
      <div className="kq-workbench-head">
        <div>
          <Typography.Title level={5} style={{ margin: 0 }}>
            {dayjs(listToday).format('YYYY年M月D日')} {weekday(listToday)}
          </Typography.Title>
          <Typography.Text type="secondary">
            {due.error !== undefined
              ? '提醒没有加载出来'
              : allCount > 0
                ? `今天到期和逾期的提醒共 ${allCount} 条`
                : '今天没有到期的提醒'}
          </Typography.Text>
        </div>
        <Space>
          {switcher}
          <Button icon={<ReloadOutlined />} loading={scanning} onClick={() => void scanNow()}>
            立即检查
          </Button>
        </Space>
      </div>
      <div className="kq-workbench-body">
        <Card className="kq-workbench-main" size="small" title="今日到期与逾期">
          <Loaded query={due}>
            <Segmented<KindFilter>
              aria-label="按类型筛选"
              className="kq-workbench-filter"
              value={kind}
              onChange={(value) => {
                setKind(value)
                setPage(1)
              }}
              options={[
                { value: 'all', label: `全部 ${allCount}` },
                ...reminderKinds.map((k) => ({
                  value: k,
                  label:
                    k === 'birthday'
                      ? `${reminderKindLabels[k]}（7 天内）${kindCount(k)}`
                      : `${reminderKindLabels[k]} ${kindCount(k)}`,
                })),
              ]}
            />
            <ReminderTable
              rows={due.data?.rows ?? []}
              today={listToday}
              loading={due.loading}
              showCustomer
              onChanged={() => void reloadAll()}
              empty={
                kind === 'all'
                  ? '今天没有到期或逾期的提醒'
                  : kind === 'birthday'
                    ? '近 7 天没有生日或纪念日'
                    : `今天没有到期的${reminderKindLabels[kind]}`
              }
              page={{ current: page, pageSize, total: due.data?.total ?? 0, onChange: setPage }}
            />
          </Loaded>
        </Card>
        <div className="kq-workbench-side">
          <Card
            size="small"
            title="近期生日与纪念日"
            extra={
              <Button
                size="small"
                icon={<SendOutlined />}
                disabled={(birthdays.data?.total ?? 0) === 0}
                onClick={() => setGreeting(true)}
              >
                群发问候
              </Button>
            }
          >
            <Loaded query={birthdays} compact>
              <SideList
                rows={(birthdays.data?.rows ?? []).map((r) => ({
                  key: r.id,
                  customerId: r.customerId,
                  title: r.contactName ?? r.customerName ?? '',
                  detail: `${r.contactName ? `${r.customerName ?? ''} · ` : ''}${(r.reason.split('：')[1] ?? r.reason).split('，公历')[0]}`,
                  when: dueText(r.dueDate, listToday),
                }))}
                total={birthdays.data?.total ?? 0}
                onMore={() => {
                  setAllBirthdays(true)
                  setKind('birthday')
                  setPage(1)
                }}
                empty="近 7 天没有生日或纪念日"
              />
            </Loaded>
          </Card>
          <Card
            size="small"
            title="业务下滑"
            extra={
              declines.error === undefined && (
                <Tag color={reminderKindColors.salesDecline}>{declines.data?.total ?? 0}</Tag>
              )
            }
          >
            <Loaded query={declines} compact>
              <SideList
                rows={(declines.data?.rows ?? []).map((r) => ({
                  key: r.id,
                  customerId: r.customerId,
                  title: r.customerName ?? '',
                  detail: r.reason,
                  when: dueText(r.dueDate, listToday),
                }))}
                total={declines.data?.total ?? 0}
                onMore={() => {
                  setKind('salesDecline')
                  setPage(1)
                }}
                empty="没有业务下滑的客户"
              />
            </Loaded>
          </Card>
          {((festivals.data?.total ?? 0) > 0 || festivals.error !== undefined) && (
            <Card size="small" title="节日问候">
              <Loaded query={festivals} compact>
                <SideList
                  rows={(festivals.data?.rows ?? []).map((r) => ({
                    key: r.id,
                    customerId: null,
                    title: r.reason.split('（')[0] ?? '',
                    detail: r.reason,
                    when: dueText(r.dueDate, listToday),
                  }))}
                  total={festivals.data?.total ?? 0}
                  empty=""
                />
              </Loaded>
            </Card>
          )}
        </div>
      </div>
      {greeting && (
        <GreetingDialog
          source={{ source: 'birthdays', days: 7 }}
          title="生日问候：近 7 天过生日的联系人"
          subject="生日快乐"
          onClose={() => setGreeting(false)}
        />
      )}
    </div>
  )
}

interface SideRow {
  key: number
  customerId: number | null
  title: string
  detail: string
  when: string
}

interface SideListProps {
  rows: SideRow[]
  /** All that match; the card shows the first few and says how many more there are. */
  total: number
  /** Where the rest can be seen. */
  onMore?: () => void
  empty: string
}

function SideList({ rows, total, onMore, empty }: SideListProps): React.JSX.Element {
  if (rows.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} />
  const more = total - rows.length
  return (
    <ul className="kq-side-list">
      {rows.map((row) => (
        <li key={row.key}>
          <div className="kq-side-list-head">
            {row.customerId === null ? (
              <Typography.Text strong>{row.title}</Typography.Text>
            ) : (
              <a href={`#/customers/${row.customerId}`}>{row.title}</a>
            )}
            <Typography.Text type={row.when.startsWith('逾期') ? 'danger' : 'secondary'}>{row.when}</Typography.Text>
          </div>
          <Typography.Text type="secondary" className="kq-side-list-detail">
            {row.detail}
          </Typography.Text>
        </li>
      ))}
      {more > 0 && (
        <li className="kq-side-list-more">
          <Typography.Text type="secondary">另有 {more} 条</Typography.Text>
          {onMore && (
            <Button type="link" size="small" onClick={onMore}>
              查看全部
            </Button>
          )}
        </li>
      )}
    </ul>
  )
}

function weekday(date: string): string {
  return `星期${'日一二三四五六'[dayjs(date).day()] ?? ''}`
}
