import type { EntityManager } from 'typeorm'
import type { ProvinceRegion } from '../../../shared/app'
import { provinces } from '../../../shared/regions'
import { ProvinceRegionEntity } from '../db/entities'

/** Every province of the division codes, with the 大区 it is mapped to (or none). */
export async function listProvinceRegions(manager: EntityManager): Promise<ProvinceRegion[]> {
  const rows = await manager.find(ProvinceRegionEntity)
  const byCode = new Map(rows.map((r) => [r.provinceCode, r.regionId]))
  return provinces.map((p) => ({ provinceCode: p.code, provinceName: p.name, regionId: byCode.get(p.code) ?? null }))
}

export async function getProvinceRegion(manager: EntityManager, provinceCode: string): Promise<ProvinceRegion> {
  const all = await listProvinceRegions(manager)
  const found = all.find((p) => p.provinceCode === provinceCode)
  if (!found) throw new Error(`unknown province ${provinceCode}`)
  return found
}

export async function setProvinceRegion(
  manager: EntityManager,
  provinceCode: string,
  regionId: number | null,
): Promise<void> {
  await manager.upsert(ProvinceRegionEntity, { provinceCode, regionId }, ['provinceCode'])
}
