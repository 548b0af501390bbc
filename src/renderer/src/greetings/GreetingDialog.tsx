import { CopyOutlined, MailOutlined, MobileOutlined } from '@ant-design/icons'
import { Alert, App, Button, Input, Modal, Space, Table, Typography } from 'antd'
import { useMemo, useState } from 'react'
import { bccMailtoUrls, mailAddresses } from './mailtoBcc'
import type { ChannelInput } from '../../../shared/contract'
import type { GreetingRecipient } from '../../../shared/reminder'
import { Loaded } from '../api/LoadFailed'
import { useQuery } from '../api/useQuery'
import { saveBytes } from '../files/saveFile'
import { copyText } from './copyText'

/**
 * 群发问候: hands the list to the mail program with everyone in 暗送 (BCC), so no
 * customer sees the others (seed 000, E-MAIL), copies the addresses, or saves the
 * mobile numbers for an SMS tool.
 */
export function GreetingDialog(props: {
  source: ChannelInput<'greetings.list'>
  title: string
  subject: string
  onClose: () => void
}): React.JSX.Element {
  const { message } = App.useApp()
  const list = useQuery('greetings.list', props.source)
  const [subject, setSubject] = useState(props.subject)
  const recipients = useMemo(() => list.data?.recipients ?? [], [list.data])
  const emails = useMemo(() => mailAddresses(recipients.map((r) => r.email)), [recipients])
  const mobiles = useMemo(
    () => [...new Set(recipients.map((r) => r.mobile).filter((m): m is string => !!m))],
    [recipients],
  )
  const urls = useMemo(() => bccMailtoUrls(emails, { subject }), [emails, subject])

  const copy = async (): Promise<void> => {
    if (await copyText(emails.join('; '))) {
      message.success(`已复制 ${emails.length} 个邮件地址，可粘贴到邮件的“密送”栏`)
    } else {
      message.error('无法写入剪贴板，请重试')
    }
  }
  const exportMobiles = (): void => {
    saveBytes('群发短信手机号码.txt', new TextEncoder().encode(`${mobiles.join('\r\n')}\r\n`))
    message.success(`已导出 ${mobiles.length} 个手机号码`)
  }
  // Counting the addresses of each mail tells the user which part of the list it holds.
  const parts = useMemo(() => {
    const counts = urls.map((url) => (new URL(url).searchParams.get('bcc') ?? '').split(',').length)
    return urls.map((url, index) => {
      const from = 1 + counts.slice(0, index).reduce((sum, n) => sum + n, 0)
      return { url, from, to: from + (counts[index] ?? 0) - 1 }
    })
  }, [urls])

  return (
    <Modal open title={props.title} footer={null} onCancel={props.onClose} width={760} destroyOnHidden>
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <Typography.Text>
          共 {recipients.length} 人：{emails.length} 个邮件地址，{mobiles.length} 个手机号码
        </Typography.Text>
        <div style={{ display: 'flex', alignItems: 'center', gap: 8 }}>
          <span style={{ flex: 'none' }}>邮件主题</span>
          <Input aria-label="邮件主题" value={subject} onChange={(e) => setSubject(e.target.value)} />
        </div>
        {parts.length > 1 && (
          <Alert
            type="info"
            showIcon
            title={`地址较多，已分成 ${parts.length} 封邮件，请逐封打开发送；所有人都在“密送”中，彼此看不到地址。`}
          />
        )}
        <Space wrap>
          {parts.map((part, index) => (
            <Button
              key={part.url}
              type={index === 0 ? 'primary' : 'default'}
              icon={<MailOutlined />}
              // A plain link: the desktop shell hands mailto: links to the mail program.
              href={part.url}
            >
              {parts.length === 1 ? '用邮件程序发送（暗送）' : `第 ${index + 1} 封（第 ${part.from}–${part.to} 人）`}
            </Button>
          ))}
          <Button icon={<CopyOutlined />} disabled={emails.length === 0} onClick={() => void copy()}>
            复制邮件地址
          </Button>
          <Button icon={<MobileOutlined />} disabled={mobiles.length === 0} onClick={exportMobiles}>
            导出手机号码
          </Button>
        </Space>
        <Loaded query={list} what="名单">
          <Table<GreetingRecipient>
            size="small"
            rowKey={(r) => `${r.customerId}-${r.contactName ?? ''}`}
            loading={list.loading}
            dataSource={recipients}
            pagination={false}
            scroll={{ y: 300 }}
            locale={{ emptyText: '名单为空' }}
            columns={[
              { title: '客户', dataIndex: 'customerName', ellipsis: true },
              { title: '联系人', dataIndex: 'contactName', width: 110, render: (v: string | null) => v ?? '—' },
              {
                title: '电子邮件',
                dataIndex: 'email',
                width: 250,
                ellipsis: true,
                render: (v: string | null) => v ?? '—',
              },
              { title: '手机', dataIndex: 'mobile', width: 130, render: (v: string | null) => v ?? '—' },
            ]}
          />
        </Loaded>
      </Space>
    </Modal>
  )
}
