import type { RelationshipLevel } from './relationshipChecklists'

export const projectStages = ['信息收集', '编写标书', '投标', '中标', '签约', '失败'] as const
export type ProjectStage = (typeof projectStages)[number]

export interface DealHeatFacts {
  stage: ProjectStage
  /** 标书中有我司产品. */
  ourProductInTender: boolean
  /** 标书中我司产品是唯一品牌. */
  ourBrandOnlyInTender: boolean
  /** 已与中标安装公司签订合同. */
  contractWithWinningInstaller: boolean
  /** 甲方主动向乙方推荐我司产品. */
  ownerRecommendsUs: boolean
  /** 甲方不拒绝使用我司产品. */
  ownerDoesNotRefuse: boolean
  /** 销售人员已充分了解竞争品牌的销售策略. */
  knowsCompetitorStrategy: boolean
  /** 乙方主动使用我司产品参与投标. */
  installerUsesOurProductInBid: boolean
  /** 甲方同意将我司产品写入标书. */
  ownerAgreesToWriteUsIn: boolean
  /** 甲方's 客情关系等级, from its own assessment. */
  ownerLevel: RelationshipLevel | null
  /** The (bidding / winning) 乙方's 客情关系等级, from its own assessment. */
  installerLevel: RelationshipLevel | null
}

/** The tender facts of a project: the yes/no inputs of the heat, as ticked on the project form. */
export type TenderFact = Exclude<keyof DealHeatFacts, 'stage' | 'ownerLevel' | 'installerLevel'>

/** Every tender fact with its wording (seed 001), in the order the form lists them. */
export const tenderFacts: { key: TenderFact; label: string }[] = [
  { key: 'ourProductInTender', label: '标书中有我司产品' },
  { key: 'ourBrandOnlyInTender', label: '标书中我司产品是唯一品牌' },
  { key: 'contractWithWinningInstaller', label: '已与中标安装公司签订合同' },
  { key: 'ownerRecommendsUs', label: '甲方主动向乙方推荐我司产品' },
  { key: 'ownerDoesNotRefuse', label: '甲方不拒绝使用我司产品' },
  { key: 'ownerAgreesToWriteUsIn', label: '甲方同意将我司产品写入标书' },
  { key: 'installerUsesOurProductInBid', label: '乙方主动使用我司产品参与投标' },
  { key: 'knowsCompetitorStrategy', label: '销售人员已充分了解竞争品牌的销售策略' },
]
export const tenderFactKeys = tenderFacts.map((fact) => fact.key) as [TenderFact, ...TenderFact[]]

/** The heat inputs from a project's ticked facts and its two customers' levels. */
export function dealHeatFacts(
  stage: ProjectStage,
  ticked: readonly TenderFact[],
  ownerLevel: RelationshipLevel | null,
  installerLevel: RelationshipLevel | null,
): DealHeatFacts {
  const facts = Object.fromEntries(tenderFactKeys.map((key) => [key, ticked.includes(key)])) as Record<
    TenderFact,
    boolean
  >
  return { ...facts, stage, ownerLevel, installerLevel }
}

export const dealHeatPercents = [90, 70, 50, 30, 10] as const

export type DealHeatPercent = (typeof dealHeatPercents)[number]

export interface DealHeat {
  percent: DealHeatPercent
  /** "70%：标书中有我司产品，甲方主动推荐": the conditions met at the level reached. */
  reason: string
}

const levelRank: Record<RelationshipLevel, number> = { I: 1, II: 2, III: 3, IV: 4 }

/** Whether a 客情 level is at least `min`; an unassessed customer (null) reaches no level. */
function atLeast(level: RelationshipLevel | null, min: RelationshipLevel): boolean {
  return level !== null && levelRank[level] >= levelRank[min]
}

const stageOrder: Record<ProjectStage, number> = { 信息收集: 0, 编写标书: 1, 投标: 2, 中标: 3, 签约: 4, 失败: -1 }

const heat = (percent: DealHeatPercent, conditions: string[]): DealHeat => ({
  percent,
  reason: `${percent}%：${conditions.join('，')}`,
})

/**
 * 成交热度 of a project (docs/product-rules.md#deal-heat, seed 001), the highest level whose conditions all hold:
 * - 90%: our brand is the only one in the tender, and the contract with the winning 乙方 is signed;
 * - 70%: our product is in the tender, and either the 甲方 recommends us or the 乙方 is 客情 ≥ III
 *   and uses our product in its bid;
 * - 50%: our product is in the tender, the 甲方 does not refuse it, the 乙方 is ≥ II, and the
 *   salesperson knows the competitors' strategy;
 * - 30%: the project has reached 编写标书 (seed: "项目已到编写标书阶段", so later stages count
 *   too), the 甲方 is ≥ II and agrees to write us in, and the 乙方 is ≥ I;
 * - otherwise 10%.
 * "Our brand is the only one" implies "our product is in the tender", so either flag satisfies
 * the latter; a data-entry slip should not hide a 70% project.
 * A 失败 project stays at the floor of 10% (no level goes lower) with the reason 项目已失败,
 * whatever else is ticked: the facts of a lost bid no longer predict a deal.
 */
export function computeDealHeat(facts: DealHeatFacts): DealHeat {
  if (facts.stage === '失败') return heat(10, ['项目已失败'])
  const inTender = facts.ourProductInTender || facts.ourBrandOnlyInTender

  if (facts.ourBrandOnlyInTender && facts.contractWithWinningInstaller) {
    return heat(90, ['标书中我司产品是唯一品牌', '已与中标安装公司签订合同'])
  }

  if (inTender) {
    const seventy: string[] = []
    if (facts.ownerRecommendsUs) seventy.push('甲方主动推荐')
    if (atLeast(facts.installerLevel, 'III') && facts.installerUsesOurProductInBid) {
      seventy.push(`乙方客情 ${facts.installerLevel} 级，主动使用我司产品投标`)
    }
    if (seventy.length > 0) return heat(70, ['标书中有我司产品', ...seventy])

    if (facts.ownerDoesNotRefuse && atLeast(facts.installerLevel, 'II') && facts.knowsCompetitorStrategy) {
      return heat(50, [
        '标书中有我司产品',
        '甲方不拒绝使用',
        `中标乙方客情 ${facts.installerLevel} 级`,
        '已充分了解竞争品牌的销售策略',
      ])
    }
  }

  if (
    stageOrder[facts.stage] >= stageOrder['编写标书'] &&
    atLeast(facts.ownerLevel, 'II') &&
    facts.ownerAgreesToWriteUsIn &&
    atLeast(facts.installerLevel, 'I')
  ) {
    return heat(30, [
      `项目已到${facts.stage}阶段`,
      `甲方客情 ${facts.ownerLevel} 级，同意将我司产品写入标书`,
      `投标乙方客情 ${facts.installerLevel} 级`,
    ])
  }

  return heat(10, ['未达到 30% 的条件'])
}
