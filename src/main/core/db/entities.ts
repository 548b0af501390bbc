import { EntitySchema } from 'typeorm'
import { activityEntities } from './activityEntities'
import { customerEntities } from './customerEntities'
import { projectEntities } from './projectEntities'
import { reminderEntities } from './reminderEntities'

/** Rows as stored. Column types are explicit: nothing is inferred from TypeScript metadata. */
export interface DictItemRow {
  id: number
  category: string
  label: string
  sortOrder: number
  enabled: boolean
  cycleDays: number | null
  groupName: string | null
}

export const DictItemEntity = new EntitySchema<DictItemRow>({
  name: 'DictItem',
  tableName: 'dict_item',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    category: { type: 'text' },
    label: { type: 'text' },
    sortOrder: { type: 'integer', name: 'sort_order' },
    enabled: { type: 'boolean' },
    cycleDays: { type: 'integer', name: 'cycle_days', nullable: true },
    groupName: { type: 'text', name: 'group_name', nullable: true },
  },
})

export interface ProvinceRegionRow {
  provinceCode: string
  regionId: number | null
}

export const ProvinceRegionEntity = new EntitySchema<ProvinceRegionRow>({
  name: 'ProvinceRegion',
  tableName: 'province_region',
  columns: {
    provinceCode: { type: 'text', primary: true, name: 'province_code' },
    regionId: { type: 'integer', name: 'region_id', nullable: true },
  },
})

export interface SettingRow {
  key: string
  value: string
}

export const SettingEntity = new EntitySchema<SettingRow>({
  name: 'Setting',
  tableName: 'app_setting',
  columns: {
    key: { type: 'text', primary: true },
    value: { type: 'text' },
  },
})

export const entities = [
  DictItemEntity,
  ProvinceRegionEntity,
  SettingEntity,
  ...customerEntities,
  ...activityEntities,
  ...projectEntities,
  ...reminderEntities,
]
