import { contactFieldLabels } from '../../../shared/contact'
import { isMobile } from '../../../shared/phone'
import type { MorePhones } from './readRow'

/** Where a contact's further numbers go, in this order: its phone fields the row left empty. */
const contactPhoneFields = ['mobile', 'officePhone', 'homePhone'] as const

/**
 * Places the further numbers of phone cells that held several (readRow's
 * morePhones) in the row's values: a contact's into its phone fields the row
 * left empty (a landline never into 手机), the rest, and a customer's 电话 or
 * 传真, into the 备注 of the contact or customer. Returns what the preview says.
 */
export function placeMorePhones(values: Record<string, unknown>, more: MorePhones[]): string[] {
  const notes: string[] = []
  for (const { key, header, cell, numbers } of more) {
    const ofContact = key.startsWith('contact.')
    const placed: string[] = []
    const left: string[] = []
    for (const number of numbers) {
      if (number === values[key]) continue
      const field = ofContact
        ? contactPhoneFields.find((f) => !(`contact.${f}` in values) && (f !== 'mobile' || isMobile(number)))
        : undefined
      if (field) {
        values[`contact.${field}`] = number
        placed.push(`${number} 导入为${contactFieldLabels[field]}`)
      } else left.push(number)
    }
    if (left.length > 0) {
      const remarks = ofContact ? 'contact.remarks' : 'remarks'
      const line = `另有${header}：${left.join('、')}`
      values[remarks] = typeof values[remarks] === 'string' ? `${values[remarks]}；${line}` : line
      placed.push(`${left.join('、')} 记入${ofContact ? '联系人' : ''}备注`)
    }
    if (placed.length > 0)
      notes.push(`${header}「${cell}」有 ${numbers.length + 1} 个号码：第一个导入${header}，${placed.join('，')}`)
  }
  return notes
}
