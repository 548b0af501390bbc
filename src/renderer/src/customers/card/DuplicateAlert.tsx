import { Alert } from 'antd'
import { Fragment } from 'react'
import type { CustomerDuplicate } from '../../../../shared/customer'

/**
 * "可能重复：KH-2026-00012 广州人易科技有限公司（名称相同）", each entry opening the existing customer.
 * Another 业务员's customer comes without its id or name (the core keeps it out of scope): plain text, no link.
 */
export function DuplicateAlert({ duplicates }: { duplicates: CustomerDuplicate[] }): React.JSX.Element | null {
  if (duplicates.length === 0) return null
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 12 }}
      role="alert"
      title={
        <span>
          可能重复：
          {duplicates.map((d, index) => (
            <Fragment key={d.id}>
              {index > 0 && '；'}
              {d.otherOwner ? (
                <span>{d.name}</span>
              ) : (
                <a href={`#/customers/${d.id}`}>
                  {d.code} {d.name}
                </a>
              )}
              （{d.reasons.join('、')}）{d.deleted && <span className="kq-card-muted">（在回收站）</span>}
            </Fragment>
          ))}
        </span>
      }
    />
  )
}
