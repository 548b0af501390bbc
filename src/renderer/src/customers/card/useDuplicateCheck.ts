import { useEffect, useState } from 'react'
import type { CustomerDuplicate } from '../../../../shared/customer'
import { call } from '../../api/client'

export interface DuplicateProbe {
  name: string | null | undefined
  phone: string | null | undefined
  email: string | null | undefined
  creditCode: string | null | undefined
  excludeId: number | undefined
}

/** Debounce of the live duplicate check: long enough not to query on every keystroke. */
const debounceMs = 400

/** Existing customers that look like the one being typed (same name after normalising, phone, e-mail or 信用代码). */
export function useDuplicateCheck(probe: DuplicateProbe): CustomerDuplicate[] {
  const [found, setFound] = useState<CustomerDuplicate[]>([])
  const { name, phone, email, creditCode, excludeId } = probe

  useEffect(() => {
    let live = true
    const timer = window.setTimeout(() => {
      const input = {
        ...(name?.trim() ? { name: name.trim() } : {}),
        ...(phone?.trim() ? { phone: phone.trim() } : {}),
        ...(email?.trim() ? { email: email.trim() } : {}),
        ...(creditCode?.trim() ? { creditCode: creditCode.trim() } : {}),
      }
      if (Object.keys(input).length === 0) {
        setFound([])
        return
      }
      call('customers.duplicates', { ...input, ...(excludeId !== undefined ? { excludeId } : {}) })
        .then((result) => {
          if (live) setFound(result)
        })
        // A failed check must not block typing: the card simply shows no warning, and the save reports real errors.
        .catch(() => {
          if (live) setFound([])
        })
    }, debounceMs)
    return () => {
      live = false
      window.clearTimeout(timer)
    }
  }, [name, phone, email, creditCode, excludeId])

  return found
}
