import type { ProvinceRegion } from '../../../shared/app'
import { provinces } from '../../../shared/regions'
import type { SqlReader, SqlWriter } from '../db/sqlHandles'

/** Every province of the division codes, with the 大区 it is mapped to (or none). */
export async function listProvinceRegions(db: SqlReader): Promise<ProvinceRegion[]> {
  const rows = await db.all<{ province_code: string; region_id: number | null }>(
    `SELECT province_code, region_id FROM province_region`,
  )
  const byCode = new Map(rows.map((r) => [r.province_code, r.region_id]))
  return provinces.map((p) => ({ provinceCode: p.code, provinceName: p.name, regionId: byCode.get(p.code) ?? null }))
}

export async function getProvinceRegion(db: SqlReader, provinceCode: string): Promise<ProvinceRegion> {
  const all = await listProvinceRegions(db)
  const found = all.find((p) => p.provinceCode === provinceCode)
  if (!found) throw new Error(`unknown province ${provinceCode}`)
  return found
}

export async function setProvinceRegion(db: SqlWriter, provinceCode: string, regionId: number | null): Promise<void> {
  await db.run(
    `INSERT INTO province_region (province_code, region_id) VALUES (?, ?)
     ON CONFLICT (province_code) DO UPDATE SET region_id = excluded.region_id`,
    [provinceCode, regionId],
  )
}
