import { headerKey, type ImportKind } from '../../../shared/excelImportFields'
import type { SqlReader, SqlWriter } from '../db/sqlHandles'
import { getSetting, setSetting } from '../prefs/prefsQueries'

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
