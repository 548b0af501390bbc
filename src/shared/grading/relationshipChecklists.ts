import { relationshipLevels } from '../customer'

/**
 * 客情关系等级 I–IV (docs/product-rules.md#relationship-level): the two checklists of seed 001, verbatim.
 *
 * The texts are the seed's words, character for character, with its half-width
 * punctuation written the Chinese way (, ( ) ; → ，（）；), as everywhere else in the
 * interface; the list numbering "(1)" and the trailing ";" / "。" are stripped. Ids are `<checklist>.<level>.<seed number>`
 * and must never change: saved assessments store the ticked ids, so renaming one
 * would silently untick it in every history entry.
 */

export type RelationshipLevel = (typeof relationshipLevels)[number]

export interface ChecklistCriterion {
  /** Stable id, stored in assessments. */
  id: string
  /** The seed's wording. */
  text: string
}

export interface RelationshipChecklist {
  /** The customer role the checklist is for. */
  role: '项目甲方' | '安装公司'
  levels: Record<RelationshipLevel, readonly ChecklistCriterion[]>
}

/** 项目甲方 (the project owner). */
export const projectOwnerChecklist: RelationshipChecklist = {
  role: '项目甲方',
  levels: {
    I: [
      { id: 'owner.I.1', text: '已经给客户送过公司的产品样本、公司资质等资料' },
      { id: 'owner.I.2', text: '已经给客户介绍过公司和产品特点' },
      { id: 'owner.I.3', text: '有客户的联系方式' },
      { id: 'owner.I.4', text: '拜访过三次以上，客户对销售人员不排斥' },
      { id: 'owner.I.5', text: '客户对公司和产品有较深印象' },
    ],
    II: [
      { id: 'owner.II.1', text: '客户对公司的产品、技术、供应方面已经了解' },
      { id: 'owner.II.2', text: '与客户单独约见过' },
      { id: 'owner.II.3', text: '客户愿意告诉我们较重要的信息' },
      { id: 'owner.II.4', text: '客户可以方便约见；或上级主管已拜访' },
    ],
    III: [
      { id: 'owner.III.1', text: '项目处于投标阶段' },
      { id: 'owner.III.2', text: '客户愿意与销售人员建立较深的业务关系，了解公司的政策' },
      { id: 'owner.III.3', text: '客户愿意告诉我们投标乙方及竞争品牌的信息' },
      { id: 'owner.III.4', text: '客户主动推荐公司品牌（标书中有公司的品牌）' },
      { id: 'owner.III.5', text: '在关键时期，很容易约见（包括与上级主管用餐）' },
    ],
    IV: [
      { id: 'owner.IV.1', text: '客户只愿意和公司合作，排斥其它竞争对手' },
      { id: 'owner.IV.2', text: '客户主动帮助我们疏通其它业务关系' },
      { id: 'owner.IV.3', text: '客户积极寻找理由保证使用公司产品' },
      { id: 'owner.IV.4', text: '标书（合同）中公司产品是唯一品牌' },
    ],
  },
}

/** 安装公司 (the installer, 乙方 in 成交热度). */
export const installerChecklist: RelationshipChecklist = {
  role: '安装公司',
  levels: {
    I: [
      { id: 'installer.I.1', text: '已经给客户送过公司的产品样本、报价表等资料' },
      { id: 'installer.I.2', text: '已经给客户介绍过公司和产品特点' },
      { id: 'installer.I.3', text: '有客户的询价' },
      { id: 'installer.I.4', text: '拜访过三次以上，客户对销售人员不排斥' },
      { id: 'installer.I.5', text: '客户对公司和产品有较深印象' },
    ],
    II: [
      { id: 'installer.II.1', text: '客户对公司的产品、技术、供应方面已经了解' },
      { id: 'installer.II.2', text: '客户接受销售人员，愿意与销售人员多方面沟通和交流' },
      { id: 'installer.II.3', text: '与客户有过订单成交记录' },
      { id: 'installer.II.4', text: '客户愿意告诉我们近期投标的项目信息' },
      { id: 'installer.II.5', text: '客户可以方便约见（包括上级主管可以方便见到）' },
    ],
    III: [
      { id: 'installer.III.1', text: '客户愿意与销售人员建立较深的业务关系，了解公司的政策' },
      { id: 'installer.III.2', text: '客户愿意告诉我们需要的核心信息' },
      { id: 'installer.III.3', text: '同样条件下，客户愿意优先与本公司合作' },
      { id: 'installer.III.4', text: '客户主动推荐本公司产品参与投标' },
      { id: 'installer.III.5', text: '客户参加过本公司的各种产品推广会' },
    ],
    IV: [
      { id: 'installer.IV.1', text: '客户只愿意和公司合作，排斥其它竞争对手' },
      { id: 'installer.IV.2', text: '客户主动帮助我们疏通其它业务关系' },
      { id: 'installer.IV.3', text: '客户积极寻找理由保证使用公司产品' },
      { id: 'installer.IV.4', text: '本公司的商务条件比竞争对手苛刻，仍然与公司合作' },
      { id: 'installer.IV.5', text: '客户主动将已中标的项目改成公司产品' },
    ],
  },
}

/**
 * The suggested level (ladder rule): the highest level whose criteria, and every
 * lower level's criteria, are all ticked; null when level I is not complete.
 * A complete higher level does not count above a gap, since the seed's levels
 * build on each other. Unknown ids (e.g. from an older checklist) are ignored.
 */
export function suggestRelationshipLevel(
  checklist: RelationshipChecklist,
  tickedIds: readonly string[],
): RelationshipLevel | null {
  const ticked = new Set(tickedIds)
  let reached: RelationshipLevel | null = null
  for (const level of relationshipLevels) {
    if (!checklist.levels[level].every((criterion) => ticked.has(criterion.id))) break
    reached = level
  }
  return reached
}
