import { Col, Progress, Row, Tooltip } from 'antd'
import type { ReactNode } from 'react'
import type { Completeness } from '../../../../shared/completenessSchema'
import type { CustomerKind } from '../../../../shared/customer'
import { cardFooterFields, cardSections, colProps, type CardField, type StatCell } from './cardSections'
import './customerCard.css'

export interface CustomerCardLayoutProps {
  code: string | undefined
  registeredAt: string | null | undefined
  kind: CustomerKind
  completeness: Completeness
  renderField: (field: CardField) => ReactNode
  renderStat: (stat: StatCell) => ReactNode
  /** The 联系人 section's body (an editor or a table). */
  contacts: ReactNode
  /** Shown across the card right under the name (the duplicate warning). */
  afterName?: ReactNode
  /** Shown above the sections (e.g. errors that belong to no field). */
  notice?: ReactNode
  /** Shown at the head of the 客户分级 section (the computed grade on the read-only card). */
  gradeSummary?: ReactNode
}

/** The paper 客户信息登记卡: title bar, bordered sections in the order of 表2-1, signature row. */
export function CustomerCardLayout(props: CustomerCardLayoutProps): React.JSX.Element {
  const { completeness } = props
  return (
    <div className="kq-card">
      <div className="kq-card-titlebar">
        <div className="kq-card-code">
          编号：
          <span className={props.code ? 'kq-card-code-value' : 'kq-card-muted'}>{props.code ?? '保存后生成'}</span>
        </div>
        <div className="kq-card-title">客户信息登记卡</div>
        <div className="kq-card-meta">
          <span>登记日期：{props.registeredAt || '—'}</span>
          <Tooltip
            title={completeness.missing.length > 0 ? `尚缺：${completeness.missing.join('、')}` : '关键资料已全部填写'}
          >
            <span className="kq-card-completeness" aria-label={`资料完整度 ${completeness.percent}%`}>
              资料完整度
              <Progress
                percent={completeness.percent}
                size="small"
                style={{ width: 110, margin: 0 }}
                status={completeness.percent === 100 ? 'success' : 'normal'}
              />
            </span>
          </Tooltip>
        </div>
      </div>
      {props.notice}
      {cardSections
        .filter((section) => !section.onlyFor || section.onlyFor === props.kind)
        .map((section) => (
          <section key={section.key} className="kq-card-section" aria-label={section.title}>
            <div className="kq-card-section-title">{section.title}</div>
            <div className="kq-card-section-body">
              {section.key === 'grading' && props.gradeSummary}
              {section.key === 'contacts' ? (
                props.contacts
              ) : (
                <Row gutter={16}>
                  {section.fields.map((field) => [
                    <Col key={field.key} {...colProps(field.span)}>
                      {props.renderField(field)}
                    </Col>,
                    field.key === 'name' && props.afterName ? (
                      <Col key="afterName" span={24}>
                        {props.afterName}
                      </Col>
                    ) : null,
                  ])}
                  {section.stats?.map((stat) => (
                    <Col key={stat.key} {...colProps(1)}>
                      {props.renderStat(stat)}
                    </Col>
                  ))}
                </Row>
              )}
            </div>
          </section>
        ))}
      <div className="kq-card-footer">
        <Row gutter={16}>
          {cardFooterFields.map((field) => (
            <Col key={field.key} {...colProps(1)}>
              {props.renderField(field)}
            </Col>
          ))}
        </Row>
      </div>
    </div>
  )
}
