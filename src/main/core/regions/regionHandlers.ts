import { divisionName } from '../../../shared/regions'
import { AppError } from '../appError'
import type { CoreContext, DomainHandlers } from '../handlerTypes'
import { findItem } from '../dictionary/dictionaryQueries'
import { getProvinceRegion, listProvinceRegions, setProvinceRegion } from './regionQueries'

export function regionHandlers({ store }: CoreContext): DomainHandlers<'regions.list' | 'regions.set'> {
  return {
    'regions.list': () => store.read((db) => listProvinceRegions(db)),
    'regions.set': ({ provinceCode, regionId }) =>
      store.write(async (db) => {
        if (!divisionName(provinceCode)) throw new AppError('VALIDATION', '省份代码无效')
        if (regionId !== null) {
          const region = await findItem(db, regionId)
          if (!region || region.category !== 'region') throw new AppError('NOT_FOUND', '所选大区不存在')
        }
        await setProvinceRegion(db, provinceCode, regionId)
        return getProvinceRegion(db, provinceCode)
      }),
  }
}
