import { tenderFactKeys, type TenderFact } from '../../../shared/grading/dealHeat'

/** The ticked facts stored as JSON, in the form's order; keys no longer known are dropped. */
export function parseTenderFacts(value: unknown): TenderFact[] {
  try {
    const parsed: unknown = JSON.parse(String(value))
    if (!Array.isArray(parsed)) return []
    return tenderFactKeys.filter((key) => parsed.includes(key))
  } catch {
    return []
  }
}

export function serializeTenderFacts(facts: readonly TenderFact[]): string {
  return JSON.stringify(tenderFactKeys.filter((key) => facts.includes(key)))
}
