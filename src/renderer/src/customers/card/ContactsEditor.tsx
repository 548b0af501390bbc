import {
  ArrowDownOutlined,
  ArrowUpOutlined,
  DeleteOutlined,
  DownOutlined,
  PlusOutlined,
  UpOutlined,
} from '@ant-design/icons'
import { Button, Checkbox, Col, Form, Input, Rate, Row, Select, Space, Tooltip } from 'antd'
import type { ReactNode } from 'react'
import { contactFieldLabels, decisionRoles, genders, type ContactField } from '../../../../shared/contact'
import { CalendarDateInput } from './CalendarDateInput'
import { emptyContact, type ContactFormValue } from './cardValues'
import { contactRules } from './fieldRules'

const contactLabelCol = { flex: '80px' }
/** 通话适宜时间 does not fit the label column; the card says 通话时间 and keeps the full wording as a tooltip. */
const shortLabels: Partial<Record<ContactField, string>> = { callTime: '通话时间' }
const quarter = { xs: 24, md: 12, xl: 6 }
// A birthday written out (1980年八月十五) next to its 历法 needs more room than a quarter; the short ones give it.
const birthdayCol = { xs: 24, md: 12, xl: 8 }
const narrow = { xs: 24, md: 12, xl: 5 }
const half = { xs: 24, md: 24, xl: 12 }

interface Props {
  /** Positions of the contacts whose folded part is open. */
  expanded: ReadonlySet<number>
  onToggle: (key: number) => void
  contacts: ContactFormValue[]
}

/** The 联系人 block of the card: one ruled box per person, add / remove / reorder, with the rarer fields folded away. */
export function ContactsEditor({ expanded, onToggle, contacts }: Props): React.JSX.Element {
  return (
    <Form.List name="contacts">
      {(fields, { add, remove, move }) => (
        <>
          {fields.map((field, index) => {
            const path = (key: string): (string | number)[] => [field.name, key]
            const item = (key: ContactField, input: ReactNode, col = quarter): React.JSX.Element => (
              <Col {...col}>
                <Form.Item
                  name={path(key)}
                  label={shortLabels[key] ?? contactFieldLabels[key]}
                  tooltip={shortLabels[key] ? contactFieldLabels[key] : undefined}
                  labelCol={contactLabelCol}
                  rules={key === 'birthday' ? [] : contactRules(key as Exclude<ContactField, 'birthday'>)}
                  required={key === 'name'}
                >
                  {input}
                </Form.Item>
              </Col>
            )
            const text = (key: ContactField, col = quarter): React.JSX.Element =>
              item(key, <Input aria-label={`联系人${index + 1}${contactFieldLabels[key]}`} />, col)
            const open = expanded.has(field.name)
            const name = contacts[field.name]?.name?.trim()
            return (
              <div key={field.key} className="kq-contact" aria-label={`联系人 ${index + 1}`}>
                <div className="kq-contact-head">
                  <span>
                    <strong>联系人 {index + 1}</strong>
                    {name && <span style={{ marginLeft: 12 }}>{name}</span>}
                  </span>
                  <Space size={2}>
                    <Button
                      size="small"
                      type="link"
                      icon={open ? <UpOutlined /> : <DownOutlined />}
                      onClick={() => onToggle(field.name)}
                    >
                      {open ? '收起' : '更多资料'}
                    </Button>
                    <Tooltip title="上移">
                      <Button
                        size="small"
                        type="text"
                        icon={<ArrowUpOutlined />}
                        aria-label="上移"
                        disabled={index === 0}
                        onClick={() => move(index, index - 1)}
                      />
                    </Tooltip>
                    <Tooltip title="下移">
                      <Button
                        size="small"
                        type="text"
                        icon={<ArrowDownOutlined />}
                        aria-label="下移"
                        disabled={index === fields.length - 1}
                        onClick={() => move(index, index + 1)}
                      />
                    </Tooltip>
                    <Tooltip title="删除此联系人（保存后生效）">
                      <Button
                        size="small"
                        type="text"
                        danger
                        icon={<DeleteOutlined />}
                        aria-label={`删除联系人 ${index + 1}`}
                        onClick={() => remove(field.name)}
                      />
                    </Tooltip>
                  </Space>
                </div>
                <div className="kq-contact-body">
                  <Row gutter={16}>
                    {text('name')}
                    {item(
                      'gender',
                      <Select allowClear placeholder="请选择" options={genders.map((g) => ({ value: g, label: g }))} />,
                    )}
                    {text('title')}
                    {text('department')}
                    {text('mobile')}
                    {text('officePhone')}
                    {text('wechat')}
                    {text('email')}
                    <Col {...birthdayCol}>
                      <Form.Item label="生日" labelCol={contactLabelCol}>
                        <CalendarDateInput
                          path={[field.name, 'birthday', 'date']}
                          calendarPath={[field.name, 'birthday', 'calendar']}
                          fullPath={['contacts', field.name, 'birthday', 'date']}
                          fullCalendarPath={['contacts', field.name, 'birthday', 'calendar']}
                          ariaLabel={`联系人${index + 1}生日`}
                          calendarWidth={76}
                        />
                      </Form.Item>
                    </Col>
                    {item('friendliness', <Rate />)}
                    {item(
                      'decisionRole',
                      <Select
                        allowClear
                        placeholder="请选择"
                        options={decisionRoles.map((r) => ({ value: r, label: r }))}
                      />,
                      narrow,
                    )}
                    <Col {...narrow}>
                      <Form.Item
                        name={path('isKey')}
                        valuePropName="checked"
                        label=" "
                        colon={false}
                        labelCol={contactLabelCol}
                      >
                        <Checkbox>关键人</Checkbox>
                      </Form.Item>
                    </Col>
                  </Row>
                  {/* Rendered while folded too, so its fields validate and can show the server's messages. */}
                  <div className="kq-contact-more" hidden={!open}>
                    <Row gutter={16}>
                      {text('homePhone')}
                      {text('education')}
                      {text('nativePlace')}
                      {text('callTime')}
                      {text('homeAddress', half)}
                      {text('speechStyle', half)}
                      {text('hobbies', half)}
                      {text('personality', half)}
                      {item('remarks', <Input.TextArea autoSize={{ minRows: 1, maxRows: 6 }} />, {
                        xs: 24,
                        md: 24,
                        xl: 24,
                      })}
                    </Row>
                    <ImportantDates contactName={field.name} />
                  </div>
                </div>
              </div>
            )
          })}
          <Button
            type="dashed"
            icon={<PlusOutlined />}
            onClick={() => add(emptyContact())}
            block
            style={{ marginBottom: 12 }}
          >
            添加联系人
          </Button>
        </>
      )}
    </Form.List>
  )
}

/** 配偶生日, 子女生日, 纪念日 …: dates that feed reminders, each in its calendar. */
function ImportantDates({ contactName }: { contactName: number }): React.JSX.Element {
  return (
    <Form.Item label="重要日期" labelCol={contactLabelCol}>
      <Form.List name={[contactName, 'importantDates']}>
        {(fields, { add, remove }) => (
          <>
            {fields.map((field) => (
              <Space key={field.key} align="start" style={{ display: 'flex', marginBottom: 4 }}>
                <Form.Item
                  name={[field.name, 'label']}
                  rules={[{ required: true, whitespace: true, message: '请填写名称，如 配偶生日' }]}
                  style={{ marginBottom: 0 }}
                >
                  <Input placeholder="名称，如 配偶生日" style={{ width: 180 }} />
                </Form.Item>
                <Form.Item style={{ marginBottom: 0, width: 340 }}>
                  <CalendarDateInput
                    path={[field.name, 'date']}
                    calendarPath={[field.name, 'calendar']}
                    fullPath={['contacts', contactName, 'importantDates', field.name, 'date']}
                    fullCalendarPath={['contacts', contactName, 'importantDates', field.name, 'calendar']}
                    ariaLabel={`重要日期${field.name + 1}`}
                    calendarWidth={80}
                    required
                  />
                </Form.Item>
                <Button
                  type="text"
                  danger
                  icon={<DeleteOutlined />}
                  aria-label="删除此日期"
                  onClick={() => remove(field.name)}
                />
              </Space>
            ))}
            <Button
              size="small"
              icon={<PlusOutlined />}
              onClick={() => add({ label: '', date: '', calendar: 'solar' })}
            >
              添加重要日期
            </Button>
          </>
        )}
      </Form.List>
    </Form.Item>
  )
}
