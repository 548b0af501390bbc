import { visibleText } from '../../../shared/visibleText'

/**
 * The key that decides "same customer name" for duplicate detection: full-width
 * to half-width (ＡＢＣ → abc, （ → (), lower case, no spaces, punctuation or
 * bracket characters (their content stays: 人易（广州）科技 → 人易广州科技), no
 * invisible characters (零宽\u200B查重 is 零宽查重: a name pasted from a web page
 * or a chat carries them unseen; see visibleText), and
 * without the legal-form suffix (有限公司, Co., Ltd. …), which people write or
 * leave out at will. 分公司 and 办事处 stay: a branch is a customer of its own.
 */
const chineseSuffixes = [
  '集团股份有限公司',
  '股份有限公司',
  '集团有限公司',
  '有限责任公司',
  '股份合作公司',
  '有限合伙企业',
  '普通合伙企业',
  '合伙企业',
  '有限合伙',
  '有限公司',
  '总公司',
  '公司',
  '集团',
  '个体工商户',
  '经营部',
  '门市部',
  '商贸行',
  '工作室',
  '商行',
  '商店',
  '企业',
  '工厂',
  '厂',
  '店',
]

/** A branch is a customer of its own: its ending is kept whole. */
const branchEndings = ['分公司', '分厂', '分店', '办事处', '分部']

const englishSuffix =
  /[\s,.]*\b(co\.?,?\s*ltd|company\s+limited|ltd|limited|inc|incorporated|corp|corporation|company|llc|gmbh)\.?\s*$/

export function normalizeName(raw: string): string {
  let name = visibleText(raw).normalize('NFKC').toLowerCase().trim()
  for (let previous = ''; previous !== name;) {
    previous = name
    name = name.replace(englishSuffix, '')
  }
  name = name.replace(/[\s\p{P}\p{S}]/gu, '')
  for (let previous = ''; previous !== name;) {
    previous = name
    if (branchEndings.some((ending) => name.endsWith(ending))) break
    const suffix = chineseSuffixes.find((s) => name.endsWith(s) && name.length > s.length)
    if (suffix) name = name.slice(0, -suffix.length)
  }
  return name
}
