import { describe, expect, it } from 'vitest'
import { completeness } from '../../src/shared/completeness'

describe('completeness', () => {
  it('counts the key fields of an enterprise, contacts included', () => {
    const empty = completeness({ kind: 'enterprise', name: '人易' })
    expect(empty.filled).toBe(1)
    expect(empty.missing).toContain('统一社会信用代码')
    expect(empty.missing).toContain('联系人')
    const more = completeness({ kind: 'enterprise', name: '人易', phone: '020-12345678', contacts: [{}], regionId: 1 })
    expect(more.filled).toBe(4)
    expect(more.percent).toBe(Math.round((4 * 100) / more.total))
  })

  it('individuals have their own key fields; blank text does not count', () => {
    const result = completeness({ kind: 'individual', name: '张先生', birthDate: '1980-01-01', hobbies: '  ' })
    expect(result.missing).not.toContain('出生日期')
    expect(result.missing).toContain('兴趣爱好')
    expect(result.missing).not.toContain('统一社会信用代码')
  })
})
