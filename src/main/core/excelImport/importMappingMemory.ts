import type { LabelChoice, UnknownLabel } from '../../../shared/excelImport'
import { headerKey, importFieldsOf, type ImportKind } from '../../../shared/excelImportFields'
import { labelKey } from '../../../shared/importCleaning'
import type { SqlReader, SqlWriter } from '../db/sqlHandles'
import { getSetting, setSetting } from '../prefs/prefsQueries'
import { unknownKey, type RememberedLabels } from './importColumns'

/**
 * The column mappings a user confirmed, by header text: the next file with the
 * same headers is mapped the same way (also "no field" for a column left out).
 */
const settingKey = (kind: ImportKind) => `import.mapping.${kind}`

export async function rememberedMapping(db: SqlReader, kind: ImportKind): Promise<Record<string, string | null>> {
  const json = await getSetting(db, settingKey(kind))
  if (json === null) return {}
  try {
    return JSON.parse(json) as Record<string, string | null>
  } catch {
    return {}
  }
}

export async function rememberMapping(
  db: SqlWriter,
  kind: ImportKind,
  headers: string[],
  mapping: (string | null)[],
): Promise<void> {
  const remembered = await rememberedMapping(db, kind)
  for (const [column, header] of headers.entries()) {
    const key = headerKey(header)
    if (key !== '') remembered[key] = mapping[column] ?? null
  }
  await setSetting(db, settingKey(kind), JSON.stringify(remembered))
}

/**
 * The dictionary labels a user let an import map to existing items (华南区 →
 * 华南, chosen or proposed and kept), by category and labelKey: the next file
 * that writes them so maps them silently. A label they chose to create needs
 * nothing kept: the item exists after the import.
 */
const labelsKey = 'import.labels'

export async function rememberedLabels(db: SqlReader): Promise<RememberedLabels> {
  const json = await getSetting(db, labelsKey)
  if (json === null) return {}
  try {
    return JSON.parse(json) as RememberedLabels
  } catch {
    return {}
  }
}

export async function rememberLabels(
  db: SqlWriter,
  kind: ImportKind,
  unknown: Pick<UnknownLabel, 'field' | 'label' | 'proposed'>[],
  choices: LabelChoice[],
): Promise<void> {
  if (unknown.length === 0) return
  const chosen = new Map(choices.map((c) => [unknownKey(c.field, c.label), c.itemId]))
  const remembered = await rememberedLabels(db)
  for (const u of unknown) {
    const category = importFieldsOf[kind].find((f) => f.key === u.field)?.dict
    if (!category) continue
    const choice = chosen.get(unknownKey(u.field, u.label))
    const itemId = choice === undefined ? (u.proposed?.id ?? null) : choice
    const byLabel = (remembered[category] ??= {})
    if (itemId === null) Reflect.deleteProperty(byLabel, labelKey(u.label))
    else byLabel[labelKey(u.label)] = itemId
  }
  await setSetting(db, labelsKey, JSON.stringify(remembered))
}
