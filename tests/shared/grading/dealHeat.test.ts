import { describe, expect, it } from 'vitest'
import {
  computeDealHeat,
  dealHeatFacts,
  tenderFactKeys,
  tenderFacts,
  type DealHeatFacts,
} from '../../../src/shared/grading/dealHeat'

const none: DealHeatFacts = {
  stage: '投标',
  ourProductInTender: false,
  ourBrandOnlyInTender: false,
  contractWithWinningInstaller: false,
  ownerRecommendsUs: false,
  ownerDoesNotRefuse: false,
  knowsCompetitorStrategy: false,
  installerUsesOurProductInBid: false,
  ownerAgreesToWriteUsIn: false,
  ownerLevel: null,
  installerLevel: null,
}
const heat = (facts: Partial<DealHeatFacts>) => computeDealHeat({ ...none, ...facts })
const percent = (facts: Partial<DealHeatFacts>) => heat(facts).percent

const ninety: Partial<DealHeatFacts> = { ourBrandOnlyInTender: true, contractWithWinningInstaller: true }
const seventyByOwner: Partial<DealHeatFacts> = { ourProductInTender: true, ownerRecommendsUs: true }
const seventyByInstaller: Partial<DealHeatFacts> = {
  ourProductInTender: true,
  installerLevel: 'III',
  installerUsesOurProductInBid: true,
}
const fifty: Partial<DealHeatFacts> = {
  ourProductInTender: true,
  ownerDoesNotRefuse: true,
  installerLevel: 'II',
  knowsCompetitorStrategy: true,
}
const thirty: Partial<DealHeatFacts> = {
  stage: '编写标书',
  ownerLevel: 'II',
  ownerAgreesToWriteUsIn: true,
  installerLevel: 'I',
}

describe('computeDealHeat', () => {
  it('is 90% when ours is the only brand and the winning installer has signed', () => {
    expect(heat(ninety)).toEqual({ percent: 90, reason: '90%：标书中我司产品是唯一品牌，已与中标安装公司签订合同' })
    expect(percent({ ...ninety, stage: '签约' })).toBe(90)
  })

  it('drops below 90% when either 90% fact is missing', () => {
    // Sole brand implies "in the tender", so the rest of the 70% facts still count.
    expect(percent({ ...ninety, contractWithWinningInstaller: false, ownerRecommendsUs: true })).toBe(70)
    expect(percent({ ...ninety, ourBrandOnlyInTender: false, ourProductInTender: true, ownerRecommendsUs: true })).toBe(
      70,
    )
    expect(percent({ ...ninety, contractWithWinningInstaller: false })).toBe(10)
  })

  it('is 70% when in the tender and the owner recommends us', () => {
    expect(heat(seventyByOwner)).toEqual({ percent: 70, reason: '70%：标书中有我司产品，甲方主动推荐' })
  })

  it('is 70% when in the tender and an installer at III or above bids with our product', () => {
    expect(heat(seventyByInstaller)).toEqual({
      percent: 70,
      reason: '70%：标书中有我司产品，乙方客情 III 级，主动使用我司产品投标',
    })
    expect(percent({ ...seventyByInstaller, installerLevel: 'IV' })).toBe(70)
  })

  it('lists both 70% paths when both hold', () => {
    expect(heat({ ...seventyByOwner, ...seventyByInstaller }).reason).toBe(
      '70%：标书中有我司产品，甲方主动推荐，乙方客情 III 级，主动使用我司产品投标',
    )
  })

  it('drops below 70% when one 70% fact is missing', () => {
    expect(percent({ ...seventyByOwner, ourProductInTender: false })).toBe(10)
    expect(percent({ ...seventyByOwner, ownerRecommendsUs: false })).toBe(10)
    expect(percent({ ...seventyByInstaller, installerLevel: 'II' })).toBe(10)
    expect(percent({ ...seventyByInstaller, installerUsesOurProductInBid: false })).toBe(10)
    expect(percent({ ...seventyByInstaller, ourProductInTender: false })).toBe(10)
    // With the 50% facts too, the drop lands on 50%.
    expect(percent({ ...fifty, installerUsesOurProductInBid: true })).toBe(50)
  })

  it('is 50% with the tender, no refusal, an installer at II or above and the competitors known', () => {
    expect(heat(fifty)).toEqual({
      percent: 50,
      reason: '50%：标书中有我司产品，甲方不拒绝使用，中标乙方客情 II 级，已充分了解竞争品牌的销售策略',
    })
    expect(percent({ ...fifty, installerLevel: 'III' })).toBe(50)
    expect(percent({ ...fifty, installerLevel: 'IV' })).toBe(50)
  })

  it('drops below 50% when one 50% fact is missing', () => {
    expect(percent({ ...fifty, ourProductInTender: false })).toBe(10)
    expect(percent({ ...fifty, ownerDoesNotRefuse: false })).toBe(10)
    expect(percent({ ...fifty, installerLevel: 'I' })).toBe(10)
    expect(percent({ ...fifty, installerLevel: null })).toBe(10)
    expect(percent({ ...fifty, knowsCompetitorStrategy: false })).toBe(10)
    expect(percent({ ...fifty, ...thirty, installerLevel: 'I' })).toBe(30)
  })

  it('is 30% at 编写标书 with an owner at II or above who agrees to write us in and an installer at I or above', () => {
    expect(heat(thirty)).toEqual({
      percent: 30,
      reason: '30%：项目已到编写标书阶段，甲方客情 II 级，同意将我司产品写入标书，投标乙方客情 I 级',
    })
    expect(percent({ ...thirty, ownerLevel: 'IV', installerLevel: 'IV' })).toBe(30)
  })

  it('counts later stages as having reached 编写标书 (seed: 项目已到编写标书阶段)', () => {
    expect(percent({ ...thirty, stage: '投标' })).toBe(30)
    expect(percent({ ...thirty, stage: '中标' })).toBe(30)
    expect(percent({ ...thirty, stage: '签约' })).toBe(30)
  })

  it('drops to 10% when one 30% fact is missing', () => {
    expect(percent({ ...thirty, stage: '信息收集' })).toBe(10)
    expect(percent({ ...thirty, ownerLevel: 'I' })).toBe(10)
    expect(percent({ ...thirty, ownerLevel: null })).toBe(10)
    expect(percent({ ...thirty, ownerAgreesToWriteUsIn: false })).toBe(10)
    expect(percent({ ...thirty, installerLevel: null })).toBe(10)
  })

  it('is 10% otherwise', () => {
    expect(heat({})).toEqual({ percent: 10, reason: '10%：未达到 30% 的条件' })
    expect(percent({ stage: '信息收集' })).toBe(10)
  })

  it('keeps a failed project at 10%, whatever is ticked', () => {
    expect(heat({ ...ninety, ...seventyByOwner, stage: '失败' })).toEqual({ percent: 10, reason: '10%：项目已失败' })
    expect(percent({ ...thirty, stage: '失败' })).toBe(10)
  })
})

describe('tenderFacts and dealHeatFacts', () => {
  it('names every yes/no input of the heat once, and maps the ticked ones to true', () => {
    const booleanKeys = Object.keys(none).filter((key) => typeof none[key as keyof DealHeatFacts] === 'boolean')
    expect([...tenderFactKeys].sort()).toEqual(booleanKeys.sort())
    expect(new Set(tenderFacts.map((f) => f.label)).size).toBe(tenderFacts.length)
    const facts = dealHeatFacts('投标', ['ourProductInTender', 'ownerRecommendsUs'], 'II', null)
    expect(facts).toEqual({ ...none, ourProductInTender: true, ownerRecommendsUs: true, ownerLevel: 'II' })
    expect(computeDealHeat(facts).reason).toBe('70%：标书中有我司产品，甲方主动推荐')
  })
})
