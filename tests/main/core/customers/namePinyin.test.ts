import { describe, expect, it } from 'vitest'
import { namePinyin, namePinyinInContext } from '../../../../src/main/core/customers/namePinyin'
import * as words from '../../../../src/main/core/demo/demoWords'
import { SeededRandom } from '../../../../src/main/core/demo/seededRandom'

/** What namePinyin reads, asked of pinyin-pro over the whole name (the slow, context-aware path). */
function inContext(name: string) {
  const clean = name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{Script=Han}a-z0-9]/gu, '')
  return clean ? namePinyinInContext(clean) : { pinyin: '', initials: '' }
}

describe('namePinyin read character by character', () => {
  it('reads like pinyin-pro in context, polyphones included', () => {
    for (const name of [
      '重庆银行',
      '长沙银行行长',
      '中国建设银行',
      '乐清乐器厂',
      '单县单位',
      '朝阳区',
      '厦门',
      '绿化女装',
      '𠀀科技',
    ]) {
      expect(namePinyin(name)).toEqual(inContext(name))
    }
    expect(namePinyin('重庆银行')).toEqual({ pinyin: 'chongqingyinhang', initials: 'cqyh' })
  })

  it('agrees with pinyin-pro in context on 30,000 names: the demo corpus and random runs of every CJK character', () => {
    const random = new SeededRandom(20261123)
    const corpus = [
      ...words.surnames,
      ...words.tradeSecond,
      ...words.maleGiven,
      ...words.femaleGiven,
      ...words.tradeFirst,
      ...words.governmentOffices,
      ...words.banks,
      ...Object.values(words.industryWords).flatMap((w) => w.names),
    ]
    const names: string[] = []
    for (let i = 0; i < 15_000; i++) {
      const parts = Array.from({ length: 1 + Math.floor(random.next() * 3) }, () => random.pick(corpus))
      names.push(`${parts.join('')}${random.pick(['', '有限公司', '科技', 'ABC', '3号', '（广州）'])}`)
    }
    for (let i = 0; i < 15_000; i++) {
      const length = 2 + Math.floor(random.next() * 7)
      let name = ''
      for (let j = 0; j < length; j++)
        name += String.fromCodePoint(0x4e00 + Math.floor(random.next() * (0x9fff - 0x4e00)))
      names.push(name)
    }
    const differing = names.filter((name) => JSON.stringify(namePinyin(name)) !== JSON.stringify(inContext(name)))
    expect(differing).toEqual([])
  })
})
