import { areaList } from '@vant/area-data'

/** 省/市/区 from the GB/T 2260 division codes (6 digits: 2 province, 2 city, 2 district). */
export interface Division {
  code: string
  name: string
}

function toDivisions(list: Record<string, string>): Division[] {
  return Object.entries(list)
    .map(([code, name]) => ({ code, name }))
    .sort((a, b) => a.code.localeCompare(b.code))
}

export const provinces: readonly Division[] = toDivisions(areaList.province_list)
const cities = toDivisions(areaList.city_list)
const districts = toDivisions(areaList.county_list)
const names = new Map<string, string>([...provinces, ...cities, ...districts].map((d) => [d.code, d.name]))

export function citiesOf(provinceCode: string): Division[] {
  const prefix = provinceCode.slice(0, 2)
  return cities.filter((c) => c.code.startsWith(prefix))
}

export function districtsOf(cityCode: string): Division[] {
  const prefix = cityCode.slice(0, 4)
  return districts.filter((d) => d.code.startsWith(prefix))
}

export function divisionName(code: string | null | undefined): string | undefined {
  return code ? names.get(code) : undefined
}

export function isDivisionCode(code: string): boolean {
  return names.has(code)
}
