import { Rate, Table, Tag } from 'antd'
import type { ColumnsType } from 'antd/es/table'
import { calendarLabels } from '../../../../shared/calendarDate'
import type { Contact } from '../../../../shared/contact'
import { nextSolarOccurrence } from '../../../../shared/nextSolarOccurrence'
import { today } from './cardValues'

const dash = <span className="kq-card-empty">—</span>

/** The next solar date of a birthday, or undefined when there is none (or it cannot be placed). */
export function nextBirthday(contact: Contact, on: string): string | undefined {
  if (!contact.birthday) return undefined
  try {
    return nextSolarOccurrence(contact.birthday.date, contact.birthday.calendar, on)
  } catch {
    // Stored dates were validated; a failure here only means there is nothing to show.
    return undefined
  }
}

/** The contacts of a customer, read-only; with `withNextBirthday` the date their next birthday falls on. */
export function ContactsTable(props: { contacts: Contact[]; withNextBirthday?: boolean }): React.JSX.Element {
  const now = today()
  const columns: ColumnsType<Contact> = [
    {
      title: '姓名',
      dataIndex: 'name',
      width: 110,
      render: (name: string, c) => (
        <>
          {name}
          {c.isKey && (
            <Tag color="gold" style={{ marginLeft: 6 }}>
              关键人
            </Tag>
          )}
        </>
      ),
    },
    { title: '性别', dataIndex: 'gender', width: 56, render: (v: string | null) => v ?? dash },
    { title: '职务', dataIndex: 'title', render: (v: string | null) => v ?? dash },
    { title: '部门', dataIndex: 'department', render: (v: string | null) => v ?? dash },
    { title: '手机', dataIndex: 'mobile', width: 120, render: (v: string | null) => v ?? dash },
    { title: '办公电话', dataIndex: 'officePhone', width: 130, render: (v: string | null) => v ?? dash },
    { title: '微信', dataIndex: 'wechat', render: (v: string | null) => v ?? dash },
    { title: '电子邮件', dataIndex: 'email', render: (v: string | null) => v ?? dash },
    {
      title: '生日',
      key: 'birthday',
      width: 150,
      render: (_, c) => (c.birthday ? `${c.birthday.date}（${calendarLabels[c.birthday.calendar]}）` : dash),
    },
    ...(props.withNextBirthday
      ? [
          {
            title: '下次生日',
            key: 'next',
            width: 110,
            render: (_: unknown, c: Contact) => nextBirthday(c, now) ?? dash,
          },
        ]
      : []),
    {
      title: '友好程度',
      dataIndex: 'friendliness',
      width: 120,
      render: (v: number | null) => (v ? <Rate disabled value={v} style={{ fontSize: 12 }} /> : dash),
    },
    { title: '决策关系', dataIndex: 'decisionRole', width: 90, render: (v: string | null) => v ?? dash },
  ]
  return (
    <Table<Contact>
      rowKey="id"
      size="small"
      bordered
      pagination={false}
      dataSource={props.contacts}
      columns={columns}
      locale={{ emptyText: '尚未登记联系人' }}
      scroll={{ x: 'max-content' }}
      // The expand column only when some contact has more to show, so a plain list stays plain.
      expandable={
        props.contacts.some(hasMore)
          ? { rowExpandable: hasMore, expandedRowRender: (c) => <ContactMore contact={c} /> }
          : undefined
      }
    />
  )
}

function hasMore(c: Contact): boolean {
  return Boolean(
    c.homePhone ||
    c.homeAddress ||
    c.hobbies ||
    c.personality ||
    c.education ||
    c.nativePlace ||
    c.callTime ||
    c.speechStyle ||
    c.remarks ||
    c.importantDates.length,
  )
}

function ContactMore({ contact }: { contact: Contact }): React.JSX.Element {
  const items: [string, string | null][] = [
    ['住宅电话', contact.homePhone],
    ['家庭住址', contact.homeAddress],
    ['学历', contact.education],
    ['籍贯', contact.nativePlace],
    ['兴趣爱好', contact.hobbies],
    ['性格', contact.personality],
    ['通话适宜时间', contact.callTime],
    ['语速语调', contact.speechStyle],
    ['备注', contact.remarks],
  ]
  return (
    <div style={{ display: 'grid', gridTemplateColumns: 'repeat(3, minmax(0, 1fr))', gap: '4px 24px' }}>
      {items
        .filter(([, value]) => value)
        .map(([label, value]) => (
          <div key={label}>
            <span className="kq-card-muted">{label}：</span>
            {value}
          </div>
        ))}
      {contact.importantDates.map((d) => (
        <div key={d.id}>
          <span className="kq-card-muted">{d.label}：</span>
          {d.date}（{calendarLabels[d.calendar]}）
        </div>
      ))}
    </div>
  )
}
