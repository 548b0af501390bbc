import { App, Button, Card, Checkbox, Form, InputNumber, Radio, Space, Switch, Typography } from 'antd'
import { useEffect, useState } from 'react'
import { dealGrades, valueClasses } from '../../../shared/customer'
import type { ReclaimRule } from '../../../shared/ownership'
import { call, errorMessage } from '../api/client'
import { Loaded } from '../api/LoadFailed'
import { useQuery } from '../api/useQuery'

/** The form keeps 交易 exemption as a switch plus days; the rule says it with null. */
type Values = Omit<ReclaimRule, 'exemptRecentSaleDays'> & { exemptRecentSale: boolean; recentSaleDays: number }

function toValues(rule: ReclaimRule): Values {
  const { exemptRecentSaleDays, ...rest } = rule
  return { ...rest, exemptRecentSale: exemptRecentSaleDays !== null, recentSaleDays: exemptRecentSaleDays ?? 90 }
}

/** Empty boxes mean "never reclaimed" for that level; the rule leaves such levels out. */
function withoutEmpty<K extends string>(days: Partial<Record<K, number | null>>): Partial<Record<K, number>> {
  return Object.fromEntries(Object.entries(days).filter(([, v]) => typeof v === 'number')) as Partial<Record<K, number>>
}

/** 系统设置 → 回收规则: customers left without 交往记录 too long go back to the 公海. */
export function ReclaimRulePanel(): React.JSX.Element {
  const { message } = App.useApp()
  const rule = useQuery('ownership.getReclaimRule', {})
  const [form] = Form.useForm<Values>()
  const [busy, setBusy] = useState(false)
  const basis = Form.useWatch('basis', form)
  const enabled = Form.useWatch('enabled', form)
  const exemptRecentSale = Form.useWatch('exemptRecentSale', form)

  useEffect(() => {
    if (rule.data) form.setFieldsValue(toValues(rule.data))
  }, [rule.data, form])

  const save = async (): Promise<void> => {
    await form.validateFields()
    // All values, the hidden basis's days too (validateFields answers only the mounted fields).
    const v = form.getFieldsValue(true) as Values
    setBusy(true)
    try {
      const saved = await call('ownership.setReclaimRule', {
        enabled: v.enabled,
        basis: v.basis,
        daysByDealGrade: withoutEmpty(v.daysByDealGrade),
        daysByValueClass: withoutEmpty(v.daysByValueClass),
        warnDaysBefore: v.warnDaysBefore,
        exemptOpenProjects: v.exemptOpenProjects,
        exemptRecentSaleDays: v.exemptRecentSale ? v.recentSaleDays : null,
      })
      form.setFieldsValue(toValues(saved))
      message.success('回收规则已保存')
    } catch (error) {
      message.error(errorMessage(error))
    } finally {
      setBusy(false)
    }
  }

  const levels: readonly string[] = basis === 'valueClass' ? valueClasses : dealGrades
  const daysKey = basis === 'valueClass' ? 'daysByValueClass' : 'daysByDealGrade'
  return (
    <Loaded query={rule} what="回收规则">
      <Card size="small" style={{ maxWidth: 760 }}>
        <Typography.Paragraph type="secondary">
          客户超过规定天数没有交往记录，自动放回公海，其他业务员可以领取；放回前若干天先提醒负责人。留空的级别不回收。
        </Typography.Paragraph>
        <Form<Values> form={form} layout="horizontal" labelCol={{ flex: '130px' }} requiredMark={false}>
          <Form.Item label="启用回收规则" name="enabled" valuePropName="checked">
            <Switch aria-label="启用回收规则" />
          </Form.Item>
          <Form.Item label="按什么定天数" name="basis">
            <Radio.Group
              disabled={!enabled}
              options={[
                { value: 'dealGrade', label: '成交级别' },
                { value: 'valueClass', label: '价值分类' },
              ]}
            />
          </Form.Item>
          <Form.Item label="无交往记录天数">
            <Space wrap size={[16, 8]}>
              {levels.map((level) => (
                <Space key={level} size={6}>
                  <span style={{ display: 'inline-block', minWidth: 56, textAlign: 'right' }}>
                    {basis === 'valueClass' ? level : `${level} 级`}
                  </span>
                  <Form.Item name={[daysKey, level]} noStyle>
                    <InputNumber
                      min={1}
                      max={3650}
                      precision={0}
                      disabled={!enabled}
                      placeholder="不回收"
                      suffix="天"
                      style={{ width: 110 }}
                      aria-label={`${level} 天数`}
                    />
                  </Form.Item>
                </Space>
              ))}
            </Space>
          </Form.Item>
          <Form.Item label="提前提醒负责人" name="warnDaysBefore">
            <InputNumber min={0} max={90} precision={0} disabled={!enabled} suffix="天" style={{ width: 110 }} />
          </Form.Item>
          <Form.Item label="不回收" style={{ marginBottom: 8 }}>
            <Space direction="vertical">
              <Form.Item name="exemptOpenProjects" valuePropName="checked" noStyle>
                <Checkbox disabled={!enabled}>有进行中项目的客户</Checkbox>
              </Form.Item>
              <Space>
                <Form.Item name="exemptRecentSale" valuePropName="checked" noStyle>
                  <Checkbox disabled={!enabled}>最近</Checkbox>
                </Form.Item>
                <Form.Item name="recentSaleDays" noStyle>
                  <InputNumber
                    min={1}
                    max={3650}
                    precision={0}
                    disabled={!enabled || !exemptRecentSale}
                    style={{ width: 90 }}
                    aria-label="最近交易天数"
                  />
                </Form.Item>
                <span>天内有交易记录的客户</span>
              </Space>
            </Space>
          </Form.Item>
          <Form.Item label=" " colon={false}>
            <Button type="primary" loading={busy} onClick={() => void save().catch(() => undefined)}>
              保存
            </Button>
          </Form.Item>
        </Form>
      </Card>
    </Loaded>
  )
}
