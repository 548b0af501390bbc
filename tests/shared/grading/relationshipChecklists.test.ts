import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  installerChecklist,
  projectOwnerChecklist,
  suggestRelationshipLevel,
  type RelationshipChecklist,
} from '../../../src/shared/grading/relationshipChecklists'

const texts = (checklist: RelationshipChecklist, level: keyof RelationshipChecklist['levels']) =>
  checklist.levels[level].map((c) => c.text)
const ids = (checklist: RelationshipChecklist, ...levels: (keyof RelationshipChecklist['levels'])[]) =>
  levels.flatMap((level) => checklist.levels[level].map((c) => c.id))
const all = (checklist: RelationshipChecklist) => ids(checklist, 'I', 'II', 'III', 'IV')

describe('relationship checklists', () => {
  it('holds 甲方 I级 in the seed wording', () => {
    expect(texts(projectOwnerChecklist, 'I')).toEqual([
      '已经给客户送过公司的产品样本、公司资质等资料',
      '已经给客户介绍过公司和产品特点',
      '有客户的联系方式',
      '拜访过三次以上，客户对销售人员不排斥',
      '客户对公司和产品有较深印象',
    ])
  })

  it('holds known criteria of the other levels', () => {
    expect(texts(projectOwnerChecklist, 'II')).toContain('客户可以方便约见；或上级主管已拜访')
    expect(texts(projectOwnerChecklist, 'III')).toContain('客户主动推荐公司品牌（标书中有公司的品牌）')
    expect(texts(projectOwnerChecklist, 'IV')).toContain('标书（合同）中公司产品是唯一品牌')
    expect(texts(installerChecklist, 'I')).toContain('已经给客户送过公司的产品样本、报价表等资料')
    expect(texts(installerChecklist, 'I')).toContain('有客户的询价')
    expect(texts(installerChecklist, 'II')).toContain('与客户有过订单成交记录')
    expect(texts(installerChecklist, 'III')).toContain('客户参加过本公司的各种产品推广会')
    expect(texts(installerChecklist, 'IV')).toContain('本公司的商务条件比竞争对手苛刻，仍然与公司合作')
  })

  it('has 4–5 criteria a level, with unique ids of the form owner.I.1', () => {
    expect([4, 5]).toContain(projectOwnerChecklist.levels.II.length)
    for (const checklist of [projectOwnerChecklist, installerChecklist]) {
      for (const level of ['I', 'II', 'III', 'IV'] as const) {
        expect(checklist.levels[level].length).toBeGreaterThanOrEqual(4)
        expect(checklist.levels[level].length).toBeLessThanOrEqual(5)
        checklist.levels[level].forEach((c, i) => expect(c.id).toMatch(new RegExp(`^\\w+\\.${level}\\.${i + 1}$`)))
      }
    }
    const every = [...all(projectOwnerChecklist), ...all(installerChecklist)]
    expect(new Set(every).size).toBe(every.length)
    expect(projectOwnerChecklist.levels.I[0]?.id).toBe('owner.I.1')
    expect(installerChecklist.levels.IV[4]?.id).toBe('installer.IV.5')
  })

  // Lines 287–294 of seed 001 (the two checklists; docs/product-rules.md#sources), copied verbatim into the
  // repository, so every criterion is checked against the seed's own words.
  const excerpt = readFileSync(join(__dirname, '../../fixtures/seeds/seed001-relationship-checklists.txt'), 'utf8')

  it('copies every criterion from seed 001, word for word, its punctuation written the Chinese way', () => {
    // The seed's half-width , ( ) ; (and the space after one comma) become ，（）； in the interface.
    const chinese = (seed: string) =>
      seed.replace(/, ?/g, '，').replace(/\(/g, '（').replace(/\)/g, '）').replace(/;/g, '；')
    for (const checklist of [projectOwnerChecklist, installerChecklist]) {
      for (const id of all(checklist)) {
        const n = id.split('.')[2]
        const text = Object.values(checklist.levels)
          .flat()
          .find((c) => c.id === id)?.text
        expect(chinese(excerpt), id).toContain(`（${n}）${text}`)
        expect(text, id).not.toMatch(/[,();]/)
      }
    }
  })
})

describe('suggestRelationshipLevel', () => {
  const owner = projectOwnerChecklist

  it('is null when nothing is ticked', () => {
    expect(suggestRelationshipLevel(owner, [])).toBeNull()
  })

  it('is I when all of I is ticked', () => {
    expect(suggestRelationshipLevel(owner, ids(owner, 'I'))).toBe('I')
  })

  it('stays at I when one criterion of II is missing', () => {
    expect(suggestRelationshipLevel(owner, [...ids(owner, 'I'), ...ids(owner, 'II').slice(1)])).toBe('I')
  })

  it('is II with all of I and II', () => {
    expect(suggestRelationshipLevel(owner, ids(owner, 'I', 'II'))).toBe('II')
  })

  it('is null when II, III and IV are complete but I misses one (ladder rule)', () => {
    expect(suggestRelationshipLevel(owner, [...ids(owner, 'I').slice(1), ...ids(owner, 'II', 'III', 'IV')])).toBeNull()
  })

  it('stops below a gap: I, II and IV complete, III missing one → II', () => {
    expect(
      suggestRelationshipLevel(owner, [
        ...ids(owner, 'I', 'II'),
        ...ids(owner, 'III').slice(0, -1),
        ...ids(owner, 'IV'),
      ]),
    ).toBe('II')
  })

  it('is IV with everything ticked, for either checklist', () => {
    expect(suggestRelationshipLevel(owner, all(owner))).toBe('IV')
    expect(suggestRelationshipLevel(installerChecklist, all(installerChecklist))).toBe('IV')
  })

  it('ignores unknown ids and ids of the other checklist', () => {
    expect(suggestRelationshipLevel(owner, ['owner.I.9', 'nonsense', ...ids(owner, 'I')])).toBe('I')
    expect(suggestRelationshipLevel(installerChecklist, all(owner))).toBeNull()
  })
})
