import { unsetKey, unsetLabels, type AnalysisDimension } from '../../../shared/analysis/dimensions'
import { divisionName } from '../../../shared/regions'
import type { SqlReader } from '../db/sqlHandles'

/**
 * The whitelist of grouping columns: a dimension from the contract maps to a
 * fixed column of customer, never to text from the caller.
 */
const dimensionColumns: Record<AnalysisDimension, { column: string; dictCategory?: string }> = {
  region: { column: 'c.region_id', dictCategory: 'region' },
  province: { column: 'c.province_code' },
  city: { column: 'c.city_code' },
  source: { column: 'c.source_id', dictCategory: 'source' },
  salesScale: { column: 'c.sales_scale_id', dictCategory: 'salesScale' },
  nature: { column: 'c.nature_id', dictCategory: 'nature' },
  industry: { column: 'c.industry_id', dictCategory: 'industry' },
}

export function dimensionColumn(dimension: AnalysisDimension): string {
  return dimensionColumns[dimension].column
}

export interface GroupLabel {
  label: string
  /** Dictionary groups keep the dictionary's order; divisions follow their amount. */
  order: number
}

/** Labels of the group keys a query returned (the SQL groups by raw id or division code). */
export async function groupLabels(
  db: SqlReader,
  dimension: AnalysisDimension,
  keys: readonly (string | number | null)[],
): Promise<Map<string, GroupLabel>> {
  const labels = new Map<string, GroupLabel>()
  const category = dimensionColumns[dimension].dictCategory
  if (category) {
    const items = await db.all<{ id: number; label: string; sort_order: number }>(
      `SELECT id, label, sort_order FROM dict_item WHERE category = ?`,
      [category],
    )
    for (const item of items) labels.set(String(item.id), { label: item.label, order: item.sort_order })
  } else {
    for (const key of keys) {
      if (key !== null) labels.set(String(key), { label: divisionName(String(key)) ?? String(key), order: 0 })
    }
  }
  labels.set(unsetKey, { label: unsetLabels[dimension], order: Number.MAX_SAFE_INTEGER })
  return labels
}

export function groupKey(raw: unknown): string {
  return raw === null || raw === undefined ? unsetKey : String(raw)
}
