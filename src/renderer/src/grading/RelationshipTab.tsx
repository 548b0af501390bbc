import { Alert, App, Button, Card, Checkbox, Input, Radio, Select, Space, Table, Tag, Typography } from 'antd'
import { useMemo, useState } from 'react'
import { relationshipLevels } from '../../../shared/customer'
import { suggestRelationshipLevel, type RelationshipLevel } from '../../../shared/grading/relationshipChecklists'
import {
  assessmentRoleLabels,
  assessmentRoles,
  checklistOfRole,
  type AssessmentRole,
  type RelationshipAssessment,
} from '../../../shared/relationshipAssessment'
import { call, errorMessage } from '../api/client'
import { Loaded } from '../api/LoadFailed'
import { useQuery } from '../api/useQuery'

const dash = <span className="kq-card-empty">—</span>
const levelText = (level: RelationshipLevel | null) => (level ? `${level} 级` : null)

interface Props {
  customerId: number
  /** A customer in the 回收站 shows its history but takes no new assessment. */
  readOnly?: boolean
  /** Called after a save, so the card's 客情关系等级 follows. */
  onSaved?: () => void
}

/**
 * 客情评估 (docs/product-rules.md#relationship-level): tick the checklist of the customer's role, see the level
 * suggested by the ladder rule, override it if need be, and keep a dated history.
 */
export function RelationshipTab({ customerId, readOnly = false, onSaved }: Props): React.JSX.Element {
  const { message } = App.useApp()
  const history = useQuery('relationship.history', { customerId })
  const latest = history.data?.[0]
  const [role, setRole] = useState<AssessmentRole>('owner')
  const [ticked, setTicked] = useState<string[]>([])
  const [chosenLevel, setChosenLevel] = useState<RelationshipLevel | null>(null)
  const [note, setNote] = useState('')
  const [saving, setSaving] = useState(false)
  const [prefilledFrom, setPrefilledFrom] = useState<number | null>(null)

  // Pre-fill from the latest assessment once it has loaded (and after each save):
  // state adjusted while rendering, as React recommends over an effect.
  if (latest && latest.id !== prefilledFrom) {
    setPrefilledFrom(latest.id)
    setRole(latest.role)
    setTicked(latest.ticked)
    setChosenLevel(latest.chosenLevel)
  }

  const checklist = checklistOfRole[role]
  const suggested = useMemo(() => (checklist ? suggestRelationshipLevel(checklist, ticked) : null), [checklist, ticked])

  const changeRole = (next: AssessmentRole) => {
    setRole(next)
    setTicked(latest && latest.role === next ? latest.ticked : [])
  }

  const setLevelTicks = (levelIds: string[], values: string[]) => {
    const others = ticked.filter((id) => !levelIds.includes(id))
    setTicked([...others, ...values])
  }

  const save = async () => {
    setSaving(true)
    try {
      const saved = await call('relationship.assess', {
        customerId,
        role,
        ticked: checklist ? ticked : [],
        chosenLevel,
        note,
      })
      message.success(`已保存评估，客情关系等级：${levelText(saved.level) ?? '未评定'}`)
      setNote('')
      await history.reload()
      onSaved?.()
    } catch (error) {
      message.error(errorMessage(error))
    } finally {
      setSaving(false)
    }
  }

  return (
    <div className="kq-relationship-tab">
      <Loaded query={history} compact what="评估记录" />
      <Space wrap size="large" align="center" style={{ marginBottom: 12 }}>
        <span>
          <Typography.Text strong>客户角色：</Typography.Text>
          <Radio.Group
            aria-label="客户角色"
            value={role}
            disabled={readOnly}
            onChange={(e) => changeRole(e.target.value as AssessmentRole)}
            options={assessmentRoles.map((r) => ({ value: r, label: assessmentRoleLabels[r] }))}
          />
        </span>
        {checklist && (
          <Typography.Text data-testid="suggested-level">
            建议等级：
            {suggested ? <Tag color="blue">{`${suggested} 级`}</Tag> : <Tag>未达 I 级</Tag>}
          </Typography.Text>
        )}
      </Space>
      {checklist ? (
        <div
          style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(420px, 1fr))', gap: 12 }}
          data-testid="relationship-checklist"
        >
          {relationshipLevels.map((level) => {
            const criteria = checklist.levels[level]
            const ids = criteria.map((c) => c.id)
            const value = ticked.filter((id) => ids.includes(id))
            const complete = value.length === ids.length
            return (
              <Card
                key={level}
                size="small"
                title={`${level} 级`}
                extra={
                  <Typography.Text type={complete ? 'success' : 'secondary'}>
                    {value.length}/{ids.length}
                  </Typography.Text>
                }
                data-testid={`level-${level}`}
              >
                <Checkbox.Group
                  value={value}
                  disabled={readOnly}
                  onChange={(values) => setLevelTicks(ids, values)}
                  style={{ display: 'flex', flexDirection: 'column', gap: 6 }}
                  options={criteria.map((c) => ({ value: c.id, label: c.text }))}
                />
              </Card>
            )
          })}
        </div>
      ) : (
        <Alert type="info" showIcon title="角色为“其他”的客户没有评估清单，请手动选择客情关系等级。" />
      )}
      <Space wrap align="start" size="middle" style={{ marginTop: 12 }}>
        <span>
          <Typography.Text strong>手动等级：</Typography.Text>
          <Select<RelationshipLevel | null>
            aria-label="手动等级"
            style={{ width: 160 }}
            allowClear
            placeholder={checklist ? '按建议等级' : '请选择'}
            disabled={readOnly}
            value={chosenLevel ?? undefined}
            onChange={(v) => setChosenLevel(v ?? null)}
            options={relationshipLevels.map((l) => ({ value: l, label: `${l} 级` }))}
          />
        </span>
        <span style={{ display: 'inline-flex', alignItems: 'flex-start', gap: 4 }}>
          <Typography.Text strong style={{ whiteSpace: 'nowrap', lineHeight: '32px' }}>
            备注：
          </Typography.Text>
          <Input.TextArea
            aria-label="评估备注"
            style={{ width: 360 }}
            autoSize={{ minRows: 1, maxRows: 4 }}
            maxLength={2000}
            disabled={readOnly}
            value={note}
            onChange={(e) => setNote(e.target.value)}
          />
        </span>
        <Button
          type="primary"
          loading={saving}
          disabled={readOnly || (!checklist && !chosenLevel)}
          onClick={() => void save()}
        >
          保存评估
        </Button>
      </Space>

      <Typography.Title level={5} style={{ marginTop: 20 }}>
        评估历史
      </Typography.Title>
      <Table<RelationshipAssessment>
        rowKey="id"
        size="small"
        bordered
        loading={history.loading}
        dataSource={history.data}
        pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
        locale={{ emptyText: '暂无评估记录' }}
        columns={[
          { title: '时间', dataIndex: 'assessedAt', width: 170 },
          { title: '角色', dataIndex: 'role', width: 110, render: (r: AssessmentRole) => assessmentRoleLabels[r] },
          {
            title: '建议等级',
            dataIndex: 'suggestedLevel',
            width: 100,
            render: (l: RelationshipLevel | null) => levelText(l) ?? dash,
          },
          {
            title: '评定等级',
            dataIndex: 'level',
            width: 120,
            render: (l: RelationshipLevel | null, row) => (
              <>
                {levelText(l) ?? dash}
                {row.chosenLevel && row.chosenLevel !== row.suggestedLevel && <Tag style={{ marginLeft: 6 }}>手动</Tag>}
              </>
            ),
          },
          { title: '备注', dataIndex: 'note', render: (v: string | null) => v ?? dash },
        ]}
      />
    </div>
  )
}
