import { describe, expect, it } from 'vitest'
import { changedKeys, sameValue, starsText, valueText } from '../../../src/renderer/src/activity/staleFields'

describe('the user’s changes after 重新载入', () => {
  it('takes an emptied input as the empty field it was, and compares lists and numbers by value', () => {
    expect(sameValue('', null)).toBe(true)
    expect(sameValue(undefined, null)).toBe(true)
    expect(sameValue(0, null)).toBe(false)
    expect(sameValue(['a', 'b'], ['a', 'b'])).toBe(true)
    expect(sameValue(['a', 'b'], ['b', 'a'])).toBe(false)
    expect(
      changedKeys(
        { subject: '拜访', result: null, typeId: 3, facts: ['a'] },
        { subject: '拜访', result: '', typeId: 4, facts: ['a', 'b'], content: '新' },
      ),
    ).toEqual(['typeId', 'facts', 'content'])
  })

  it('shows a typed value as the user picked it: the option’s label, a group’s option, several joined, （空）', () => {
    const staff = { label: '业务员', choices: [{ value: 7, label: '李业务' }] }
    expect(valueText(7, staff)).toBe('李业务')
    expect(valueText(8, staff)).toBe('8')
    const products = { label: '产品', choices: [{ label: '暖通', options: [{ value: 2, label: '中央空调' }] }] }
    expect(valueText(2, products)).toBe('中央空调')
    const facts = {
      label: '标书情况',
      choices: [
        { value: 'a', label: '已购标书' },
        { value: 'b', label: '已投标' },
      ],
    }
    expect(valueText(['a', 'b'], facts)).toBe('已购标书、已投标')
    expect(valueText(null, '主题')).toBe('（空）')
    expect(valueText([], facts)).toBe('（空）')
    expect(valueText('x'.repeat(80), '内容')).toBe(`${'x'.repeat(60)}…`)
    expect(valueText(3, { label: '客户满意度', format: starsText })).toBe('3 星')
    expect(starsText(0)).toBe('未评')
  })
})
